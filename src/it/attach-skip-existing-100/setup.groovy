import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
listShape(sandboxPort, 'sdk')
// 100 files with names of 239 characters; the first run attaches them all, the second finds them in a list well over 64 KiB.
def dir = new File(basedir, 'target/many')
dir.mkdirs()
(1..100).each { i ->
    new File(dir, String.format('attachment-%03d-', i) + 'a-rather-long-file-name-'.repeat(9) + 'abcd.txt').text = "file ${i}\n" * i
}
return true
