import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
// Run 1: refused before any request, saying why and what carries 50 MB.
check(log.contains('release-13mb.zip is 13631488 bytes') && log.contains("AK/SK-signed request"), 'the message names the file and the AK/SK limit')
check(log.contains('IAM password or token credentials carry attachments up to 50 MB'), 'the message says which credentials carry 50 MB')
// Run 2 (maxFileSize=20MB on purpose): a warning, then the sandbox refuses the signed 13 MB body with 413.
check(log.contains('[WARNING]') && log.contains('maxFileSize = 20MB lets it go'), 'the explicit maxFileSize gives a warning')
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 1, "only the second run sends the file: ${uploads.collect { it.status }}")
check(uploads[0].status == 413, "the sandbox refuses an AK/SK-signed body over 12 MB with 413: ${uploads[0].status}")
def lookups = recordsTo(sandboxPort, '/v3/projects')
check(lookups.size() == 1, "only the second run makes any call (one project lookup): ${lookups.size()}")
return true
