def read_manifest(self):
    """Read the manifest file (named by 'self.manifest') and use it to
    fill in 'self.filelist', the list of files to include in the source
    distribution.
    """
    log.info("reading manifest file '%s'"  self.manifest)
    with open(self.manifest) as manifest:
        for line in manifest:
            # ignore comments and blank lines
            line = line.strip()
            if line.startswith('#') or not line:
                continue
            self.filelist.append(line)
