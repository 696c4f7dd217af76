dev.worklink.it.ItSandbox.reset(sandboxPort)
return true
