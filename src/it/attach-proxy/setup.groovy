import static dev.worklink.it.ItSandbox.*
import dev.worklink.it.ConnectProxy

reset(sandboxPort)
https(sandboxPort, sandboxHttpsPort, new File(basedir, '../../it-tls'))
// The proxy's port is known only now: its settings go in a global settings file (-gs), which Maven merges with the
// invoker's user settings (the servers).
new File(basedir, 'proxy-settings.xml').text = """<settings>
  <proxies>
    <proxy>
      <id>it-proxy</id>
      <active>true</active>
      <protocol>https</protocol>
      <host>127.0.0.1</host>
      <port>${proxyPort}</port>
      <username>proxy-user</username>
      <password>proxy-secret-0000</password>
    </proxy>
  </proxies>
</settings>
"""
ConnectProxy.start(proxyPort, 'proxy-user', 'proxy-secret-0000', new File(basedir, 'proxy-record.txt'))
return true
