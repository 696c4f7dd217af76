import static dev.worklink.it.ItSandbox.*

// one exchange, both jars intact, every CodeArts call signed with the temporary keys, no secret in log or reports
def log = checkOneFederatedTwoModuleBuild(sandboxPort, basedir)
def github = recordsTo(sandboxPort, '/github/id-token')
check(github.size() == 1, "expected one ID token request to GitHub's endpoint, got ${github.size()}")
check(github[0].query == 'api-version=2.0&audience=sandbox-client-id', "the audience sent must be the configured one: ${github[0].query}")
check(github[0].headers['authorization'] == '***', 'the request token goes in the Authorization header')
check(!new File(basedir, 'id-token.jwt').exists(), 'no token file in this IT')
check(log.contains("ID token from GitHub Actions' ID token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL, audience 'sandbox-client-id')"), 'the log must say where the ID token came from')
return true
