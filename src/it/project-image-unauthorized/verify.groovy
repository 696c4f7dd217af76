import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
check(log.contains('[DEBUG]'), 'the builds must have run with -X')

// 1: a ticket the sandbox does not know; 2: a wrong Basic password. Each names the scheme and the server, and is not retried.
check(log.contains('save logo.png as the image of Project 4711 failed: HTTP 401, error_code Unauthorized, error_msg "The ticket is not valid (unknown or expired)"'),
        'the 401 must carry SuperOffice\'s words')
check(log.contains("SuperOffice refused the credentials: Authorization scheme SOTicket with SO-AppToken, from the server 'superoffice-wrong-ticket' in settings.xml."),
        'the SOTicket 401 must name the scheme and the server')
check(log.contains("SuperOffice refused the credentials: Authorization scheme Basic, from the server 'superoffice-wrong-password' in settings.xml."),
        'the Basic 401 must name the scheme and the server')
def puts = records(sandboxPort).findAll { it.method == 'PUT' }
check(puts.count { it.status == 401 } == 2, "a 401 is not retried: ${puts*.status}")
check(puts.count { it.status == 200 } == 3, "Basic, Bearer and the system user succeed: ${puts*.status}")
check(recordsTo(sandboxPort, '/Login/api/PartnerSystemUser/Authenticate').size() == 1, 'one system user login')

def keyText = new File(basedir, 'target/so-private-key.pem').readLines().findAll { !it.startsWith('-----') }
def secrets = [
    'so-password',                                         // Basic password (and not-the-so-password)
    'c28tdXNlcjpzby1wYXNzd29yZA',                          // base64 of so-user:so-password
    'bm90LXRoZS1zby1wYXNzd29yZA',                          // base64 of ...:not-the-so-password
    '7T:c2FuZGJveC1zby10aWNrZXQtMDAwMDAw',                 // the sandbox's ticket
    'bm90LWEtdGlja2V0LXRoZS1zYW5kYm94LWtub3dz',            // the wrong ticket
    'sandbox-so-bearer-token',                             // the access token
    'sandbox-so-app-token',                                // the application token
    'sandbox-so-system-user-token',                        // the system user token
    '7T:sandbox-system-user-',                             // tickets the sandbox issued to the system user
    'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9',                // the JWT the login returned
] + keyText                                                // the private key
secrets.each { secret ->
    check(!log.contains(secret), "a secret appears in the -X log: ${secret.take(12)}…")
}
new File(basedir, 'target/worklink').eachFile { f ->
    secrets.each { check(!f.text.contains(it), "a secret in the report ${f}") }
}
return true
