import static dev.worklink.it.ItSandbox.*

def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 3 && uploads.every { it.status == 200 }, "each mode uploads once: ${uploads}")
def log = new File(basedir, 'build.log').text
check(log.contains('[DEBUG]'), 'the build must have run with -X')
['sandbox-password', 'not-the-password', 'sandbox-secret-key-0000000000000000000000', 'sandbox-ready-token-0000000000000000'].each { secret ->
    check(!log.contains(secret), "a secret appears in the -X log: ${secret.take(6)}…")
}
issuedTokens(sandboxPort).each { token ->
    check(!log.contains(token), 'an IAM token issued by the sandbox appears in the -X log')
}
check(log.contains('The username or password is wrong.'), 'a wrong password must fail with IAM\'s own words')
new File(basedir, 'target/worklink').eachFile { f ->
    ['sandbox-password', 'sandbox-secret-key', 'sandbox-ready-token'].each { check(!f.text.contains(it), "a secret in the report ${f}") }
}
return true
