import static dev.worklink.it.ItSandbox.*

def projectOfTheRegion = '04a1b2c3d4e5f60718293a4b5c6d7e8f'   // SandboxCredentials.IAM_PROJECT_ID
def all = records(sandboxPort)
def lookups = all.findAll { it.method == 'GET' && it.path == '/v3/projects' }
check(lookups.size() == 2, "one IAM project lookup per build (two builds): got ${lookups.size()}")
check(lookups.every { it.query == 'name=cn-north-4' && it.status == 200 && it.authenticatedAs == 'aksk:SANDBOXAK00000000001' },
        "the lookup asks for the region, signed with the keys: ${lookups}")
check(lookups.every { it.headers['x-project-id'] == null }, 'the lookup itself carries no X-Project-Id')

def codearts = all.findAll { it.path.startsWith('/v1/ipdprojectservice/') }
check(codearts.every { it.status == 200 && it.authenticatedAs == 'aksk:SANDBOXAK00000000001' }, "every CodeArts call passes: ${codearts.collect { [it.path, it.status] }}")
check(codearts.every { it.headers['x-project-id'] == projectOfTheRegion }, 'every CodeArts call carries the looked-up X-Project-Id')
// The Authorization header is masked in the record; the sandbox insisted on X-Project-Id among the signed headers, and every call passed.

def uploads = codearts.findAll { it.path.endsWith('/attachments/upload') }
check(uploads.size() == 2 && uploads*.parts*.fileName.flatten().sort() == ['notes-a.txt', 'notes-b.txt'],
        "each module attaches its file once (the second build skips them): ${uploads*.parts*.fileName}")
def log = new File(basedir, 'build.log').text
check(log.contains('HUAWEICLOUD_SDK_AK'), 'the log says the keys came from the environment')
check(!log.contains('sandbox-secret-key'), 'the secret key must not appear in the log')
return true
