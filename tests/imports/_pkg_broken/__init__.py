print("broken init runs")
raise RuntimeError("broken package")
