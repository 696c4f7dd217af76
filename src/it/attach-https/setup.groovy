import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
// target/it-tls of the outer build: one throwaway CA for the ITs that need one
https(sandboxPort, sandboxHttpsPort, new File(basedir, '../../it-tls'))
return true
