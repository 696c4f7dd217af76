import static dev.worklink.it.ItSandbox.*
reset(sandboxPort)
attachmentLimit(sandboxPort, 300L * 1024 * 1024)
makePatternedFile(new File(basedir, 'target/large.bin').toPath(), 200L * 1024 * 1024)
return true
