import static dev.worklink.it.ItSandbox.*

// exactly one exchange for the whole two-module build: one call of each step
check(recordsTo(sandboxPort, '/v3.0/OS-AUTH/id-token/tokens').size() == 1, "expected one CreateTokenWithIdToken call: ${recordsTo(sandboxPort, '/v3.0/')}")
check(recordsTo(sandboxPort, '/v3.0/OS-CREDENTIAL/securitytokens').size() == 1, 'expected one CreateTemporaryAccessKeyByToken call')
def fed = federation(sandboxPort)
check(fed.temporaryKeys.size() == 1, "expected one set of temporary keys, got ${fed.temporaryKeys.size()}")
def access = fed.temporaryKeys[0].access
// every upload (and every other CodeArts call) signed with those keys and their security token
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 2, "expected one upload per module, got ${uploads.size()}")
['a', 'b'].each { m ->
    def upload = uploads.find { it.parts[0].fileName == "module-${m}-1.0.jar" }
    check(upload != null && upload.status == 200, "module ${m}'s jar was not uploaded: ${uploads}")
    check(upload.parts[0].sha256 == sha256(new File(basedir, "${m}/target/module-${m}-1.0.jar").toPath()), "module ${m}'s jar did not arrive intact")
}
def codeArts = records(sandboxPort).findAll { !String.valueOf(it.path).startsWith('/v3') && !String.valueOf(it.path).startsWith('/github') }
check(codeArts.size() >= 2 && codeArts.every { it.authenticatedAs == "temporary:${access}" && it.headers['x-security-token'] == '***' },
        "every CodeArts call must be signed with the temporary keys and their security token: ${codeArts.collect { it.path + ' ' + it.authenticatedAs }}")
// the exchange came before the first CodeArts call
def paths = records(sandboxPort).collect { it.path }
check(paths.indexOf('/v3.0/OS-CREDENTIAL/securitytokens') < paths.findIndexOf { it.contains('/attachments') }, "exchange after a CodeArts call: ${paths}")
// neither the log nor any report holds the JWT, the unscoped token, the temporary secret or the security token
def log = new File(basedir, 'build.log').text
def secrets = federationSecrets(sandboxPort)
check(secrets.size() >= 4, 'the sandbox must have issued the secrets this check looks for')
secrets.each { secret -> check(!log.contains(secret), "a federation secret appears in the log: ${secret.take(6)}…") }
def reports = []
basedir.eachFileRecurse { if (it.name.endsWith('.json') && it.path.contains('worklink')) reports << it }
check(reports.size() >= 2, "expected a report per module, found ${reports}")
reports.each { f -> secrets.each { secret -> check(!f.text.contains(secret), "a federation secret in the report ${f}") } }
check(log.contains('[DEBUG]'), 'the build must have run with -X')
check(log.contains("Credentials: temporary AK/SK from IAM identity federation (identity provider 'sandbox-idp'"), 'the log must say federation was used')
check(log.contains('configured by the environment variables HUAWEICLOUD_SDK_IDP_ID / HUAWEICLOUD_SDK_ID_TOKEN_FILE'), 'the log must name the source')
return true
