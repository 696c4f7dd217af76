import static dev.worklink.it.ItSandbox.*

def file = new File(basedir, 'target/large.bin').toPath()
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 1 && uploads[0].status == 200, "expected one upload: ${uploads}")
check(uploads[0].parts[0].size == 200L * 1024 * 1024, "size ${uploads[0].parts[0].size}")
check(uploads[0].parts[0].sha256 == sha256(file), 'the 200 MB file arrived changed')
def log = new File(basedir, 'build.log').text
check(log.contains('Uploading large.bin: 50%'), 'a large upload logs its progress')
check(!log.contains('OutOfMemoryError'), 'out of memory')
return true
