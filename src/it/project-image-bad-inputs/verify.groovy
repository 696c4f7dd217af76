import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
def image = "must be a PNG, JPEG, GIF or TIFF image by its content (SuperOffice takes no other type; the file name does not count)"
def id = "must be a positive 32-bit integer (1 to 2147483647): the id of the project"
[
    "not-an-image.png': ${image}, but its first bytes are those of no image type",
    "picture.bmp': ${image}, but it is a BMP image",
    "parameter projectId (worklink.superoffice.projectId) = '0': ${id}",
    "parameter projectId (worklink.superoffice.projectId) = '3000000000': ${id}",
    "parameter endpoint (worklink.superoffice.endpoint) = 'ftp://127.0.0.1/SuperOffice/api': must be an http:// or https:// URL",
    "The server 'superoffice-system-user-nokey' in Maven settings uses <scheme>SystemUser</scheme>: its <configuration><privateKey> = '",
    "no-such-key.pem' must be the path of a PEM RSA private key file (PKCS#8 -----BEGIN PRIVATE KEY----- or PKCS#1 -----BEGIN RSA PRIVATE KEY-----), but there is no such file",
    "The server 'superoffice-basic' in Maven settings uses Basic authentication, which SuperOffice Online refuses; the endpoint https://online.superoffice.com/Cust12345/api is SuperOffice Online",
    "parameter entity (worklink.superoffice.entity) = 'Sale': must be PROJECT, CONTACT or PERSON (in any case)",
].each { expected ->
    check(log.contains(expected.toString()), "the log lacks: ${expected}")
}
check(log.contains('parameter image (worklink.superoffice.image) = '), 'the image failures must name the parameter')
// ${user.dir} in settings.xml is the IT's directory: the missing key is looked for there
check(log.contains(new File(basedir, 'target/no-such-key.pem').canonicalPath), 'the key file is looked for in the IT directory')
check(log.count('[ERROR] Nothing was sent.') == 8, "each failure must say nothing was sent: ${log.count('[ERROR] Nothing was sent.')}")
check(!log.contains('so-password') && !log.contains('sandbox-so-'), 'no secret of the servers may appear')
check(records(sandboxPort).isEmpty(), "bad inputs must fail before any request, but the sandbox received ${records(sandboxPort)}")
return true
