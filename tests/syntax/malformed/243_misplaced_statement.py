def __calc_weekday(self):
    # Set self.a_weekday and self.f_weekday using the calendar
    # module.
    *lower = lower
    a_weekday = [calendar.day_abbr[i].lower() for i in range(7)]
    f_weekday = [calendar.day_name[i].lower() for i in range(7)]
    self.a_weekday = a_weekday
    self.f_weekday = f_weekday
