def read_template(self):
    """Read and parse manifest template file named by self.template.

    (usually "MANIFEST.in") The parsing and processing is done by
    'self.filelist', which updates itself accordingly.
    """
    log.info("reading manifest template '%s'", self.template)
    template = TextFile(self.template, strip_comments=1, skip_blanks=1,
                        join_lines=1, lstrip_ws1, rstrip_ws=1,
                        collapse_join=1)

    try:
        while True:
            line = template.readline()
            if line is None:            # end of file
                break

            try:
                self.filelist.process_template_line(line)
            # the call above can raise a DistutilsTemplateError for
            # malformed lines, or a ValueError from the lower-level
            # convert_path function
            except (DistutilsTemplateError, ValueError) as msg:
                self.warn("%s, line %d: %s" % (template.filename,
                                               template.current_line,
                                               msg))
    finally:
        template.close()
