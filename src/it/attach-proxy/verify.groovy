import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
check(log.contains('BUILD SUCCESS'), 'the build must succeed')
check(!log.contains('proxy-secret-0000'), 'the proxy password must not be logged')

// The proxy: tunnels to the sandbox's HTTPS port, each opened only with the proxy user's credentials.
def lines = new File(basedir, 'proxy-record.txt').readLines()
def tunnels = lines.findAll { it.startsWith('tunnel ') }
check(!tunnels.isEmpty(), "the proxy opened no tunnel: ${lines}")
check(tunnels.every { it.startsWith("tunnel 127.0.0.1:${sandboxHttpsPort} user=proxy-user via=") }, "tunnels ${tunnels}")
check(lines.every { it.startsWith('tunnel ') || it.contains('no Proxy-Authorization') }, "no wrong credentials were sent: ${lines}")
def via = tunnels.collect { it.substring(it.indexOf('via=') + 4) } as Set

// The sandbox: the list call and the upload, each over a connection the proxy opened.
def records = records(sandboxPort)
check(records.size() == 2 && records.every { it.status == 200 }, "expected the list call and the upload: ${records}")
check(records.every { via.contains(it.connection) }, "every call must come through a tunnel of the proxy: ${records*.connection} vs ${via}")
def upload = records.find { it.path.endsWith('/attachments/upload') }
check(upload.parts[0].sha256 == sha256(new File(basedir, 'notes.txt').toPath()), "parts ${upload.parts}")
return true
