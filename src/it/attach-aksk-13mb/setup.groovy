import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
makeFile(new File(basedir, 'target/big/release-13mb.zip').toPath(), 13L * 1024 * 1024)
return true
