import static dev.worklink.it.ItSandbox.*

def iam = recordsTo(sandboxPort, '/v3/auth/tokens')
check(iam.size() == 1 && iam[0].status == 201, "the decrypted password must get a token: ${iam}")
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 1 && uploads[0].status == 200, "expected one upload: ${uploads}")
def log = new File(basedir, 'build.log').text
check(!log.contains('sandbox-password'), 'the decrypted password leaked')
return true
