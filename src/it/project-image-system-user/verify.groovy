import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def png = new File(basedir, 'logo.png')
def logins = recordsTo(sandboxPort, '/Login/api/PartnerSystemUser/Authenticate')
check(logins.size() == 1, "two executions in one build share one ticket: expected one login, got ${logins.size()}")
def login = logins[0]
check(login.method == 'POST' && login.status == 200 && login.authenticatedAs == 'systemuser:Cust12345', "login ${login}")
def sent = new JsonSlurper().parseText(login.jsonBody)
check(sent.ContextIdentifier == 'Cust12345' && sent.ReturnTokenType == 'JWT', "login body ${sent}")
check(sent.SignedSystemToken == '***' && sent.ApplicationToken == '***', 'the record masks the tokens')

def puts = records(sandboxPort).findAll { it.method == 'PUT' }
check(puts*.path.sort() == ['/Cust12345/api/v1/Contact/77/Image', '/Cust12345/api/v1/Project/4711/Image'], "PUTs ${puts*.path}")
puts.each { put ->
    check(put.status == 200 && put.authenticatedAs == 'soticket:systemuser:Cust12345', "the ticket of the system user must be used: ${put}")
    check(put.headers['so-apptoken'] == '***', 'SO-AppToken is sent with the ticket')
    check(put.bodySha256 == sha256(png.toPath()), 'the PNG must go raw')
    check(put.seq > login.seq, 'the login comes first')
}

def project = new JsonSlurper().parse(new File(basedir, 'target/worklink/project-image.json')).items[0]
def contact = new JsonSlurper().parse(new File(basedir, 'target/worklink/contact-image.json')).items[0]
check(project.status == 'saved' && project.entity == 'Project' && contact.status == 'saved' && contact.entity == 'Contact', "reports ${project} ${contact}")
check(contact.blobId > project.blobId, 'blob ids increase')

def log = new File(basedir, 'build.log').text
check(log.contains("Credentials: SOTicket ticket of the system user of Cust12345, obtained from http://127.0.0.1:${sandboxPort}/Login"), 'credentials line')
check(log.contains("as the image of Project 4711: blob id ${project.blobId}.") && log.contains("as the image of Contact 77: blob id ${contact.blobId}."),
        'one line per saved image, with its blob id')
def keyText = new File(basedir, 'target/so-private-key.pem').readLines().findAll { !it.startsWith('-----') }
(['sandbox-so-system-user-token', 'sandbox-so-app-token', '7T:sandbox-system-user-', 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9'] + keyText).each { secret ->
    check(!log.contains(secret), "a secret appears in the log: ${secret.take(12)}…")
}

def back = superOfficeImage(sandboxPort, '/Cust12345/api/v1/Project/4711/Image',
        'Authorization', 'SOTicket 7T:c2FuZGJveC1zby10aWNrZXQtMDAwMDAw', 'SO-AppToken', 'sandbox-so-app-token-0000000000000000')
check(Arrays.equals(back, png.bytes), 'GET .../Image must give the PNG back unchanged')
return true
