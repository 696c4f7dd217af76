import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
// The first upload is stored and its answer lost; the second upload's connection drops before anything is stored.
misbehave(sandboxPort, '''[{"pathContains":"/attachments/upload","loseAnswer":true},
                          {"pathContains":"/attachments/upload","drop":true}]''')
return true
