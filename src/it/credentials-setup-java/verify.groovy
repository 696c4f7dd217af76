import static dev.worklink.it.ItSandbox.*

def iam = recordsTo(sandboxPort, '/v3/auth/tokens')
check(iam.size() == 2 && iam.every { it.status == 201 }, "one IAM token per build, each granted: ${iam.collect { it.status }}")
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 2 && uploads.every { it.status == 200 && it.authenticatedAs == 'token:sandbox-user' }, "uploads ${uploads}")
def log = new File(basedir, 'build.log').text
check(log.contains('Credential settings from parameters, which win over the server\'s <configuration>: domain (worklink.domain), iamEndpoint (worklink.iamEndpoint)'),
        'the log says where the settings came from')
check(log.contains('Credential settings from parameters, which win over the server\'s <configuration>: domain (worklink.domain) over the server\'s <configuration><domain>, iamEndpoint (worklink.iamEndpoint) (the same as the server\'s)'),
        'the log says the parameter won over the server')
check(!log.contains('sandbox-password'), 'the password stays out of the log')
return true
