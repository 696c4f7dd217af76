import static dev.worklink.it.ItSandbox.*

def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 2, "expected one upload per run, got ${uploads.size()}")
check(uploads.every { it.status == 200 && it.authenticatedAs == 'temporary:SANDBOXTMPAK00000001' && it.headers['x-security-token'] == '***' },
        "both uploads must be signed with the temporary keys and their security token: ${uploads.collect { it.authenticatedAs }}")
check(recordsTo(sandboxPort, '/v3.0/').isEmpty(), 'temporary keys given directly need no federation call')
// the server run (region, no project id) looks its X-Project-Id up once, signed with the temporary keys
def lookups = recordsTo(sandboxPort, '/v3/projects')
check(lookups.size() == 1 && lookups[0].authenticatedAs == 'temporary:SANDBOXTMPAK00000001', "expected one project lookup signed with the temporary keys: ${lookups}")
def log = new File(basedir, 'build.log').text
check(log.contains('Credentials: AK/SK signature with temporary access key SAND**** and its security token from the environment variables HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK / HUAWEICLOUD_SDK_SECURITY_TOKEN'),
        'the first run must use the environment variables')
check(log.contains("Credentials: AK/SK signature with temporary access key SAND**** and its security token from server 'codearts-aksk-temporary' in Maven settings"),
        'the second run must use the server, which comes before the environment')
return true
