import static dev.worklink.it.ItSandbox.*

check(records(sandboxPort).isEmpty(), "a dry run must send nothing, but the sandbox received ${records(sandboxPort)}")
def log = new File(basedir, 'build.log').text
check(log.contains("[dry run] would send POST http://127.0.0.1:${sandboxPort}/v1/ipdprojectservice/projects/0123456789abcdef0123456789abcde4/issues/956239067176935404/attachments/upload"), 'no dry-run line for the upload')
check(log.contains("multipart/form-data, field 'attachment' = release-notes.txt"), 'no body summary')
check(log.contains('[dry run] 1 upload(s) would be made; nothing was sent.'), 'no dry-run summary')
check(!log.contains('sandbox-password'), 'the password leaked')
return true
