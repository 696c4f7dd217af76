dev.worklink.it.ItSandbox.reset(sandboxPort)
// 51 MB: one MB over the documented limit
dev.worklink.it.ItSandbox.makeFile(new File(basedir, 'target/big.bin').toPath(), 51L * 1024 * 1024)
return true
