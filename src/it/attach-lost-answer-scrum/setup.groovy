import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
misbehave(sandboxPort, '{"pathContains":"/attachments/upload","loseAnswer":true}')
return true
