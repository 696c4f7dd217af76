import static dev.worklink.it.ItSandbox.*

def names = recordsTo(sandboxPort, '/attachments/upload').collect { it.parts[0].fileName }.sort()
check(names == ['attach-signatures-1.0-sources.jar', 'attach-signatures-1.0.jar'], "the jar and the sources jar only: ${names}")
def log = new File(basedir, 'build.log').text
check(log.contains('Signatures and checksums are not uploaded (includeSignatures=true uploads them): attach-signatures-1.0-sources.jar.asc, '
        + 'attach-signatures-1.0-sources.jar.sha512, attach-signatures-1.0-sources.jar.md5'), 'the log names what was left out')
return true
