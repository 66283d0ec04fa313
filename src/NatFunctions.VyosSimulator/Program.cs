using Microsoft.Win32.SafeHandles;
using System.Text;
using NatFunctions.VyosSimulator.Config;
using NatFunctions.VyosSimulator;

var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true, NewLine = "\n" };
using var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
// On a terminal .NET's console stream edits lines itself (and so never hands over a single key); the raw descriptor
// leaves line editing to the tty, as on a real router, so OneKeyTerminalMode can switch it per read.
using var input = new StreamReader(
    Console.IsInputRedirected
        ? Console.OpenStandardInput()
        : new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0),
    utf8);
using var terminal = TextWriter.Synchronized(output);

try
{
    if (args.Length > 0 && args[0] == "init")
    {
        return InitCommand.Run(SimulatorCommandLine.ParseOptions(args[1..]), error);
    }

    if (args.Length > 0 && args[0] == "api")
    {
        return NatFunctions.VyosSimulator.Api.ApiHost.Run(SimulatorCommandLine.ToApiOptions(SimulatorCommandLine.ParseOptions(args[1..])), error);
    }

    // `shell …`, or whatever sshd hands a login shell (`-c COMMAND`), passed through by a wrapper script.
    var shellArguments = args.Length > 0 && args[0] == "shell" ? args[1..] : args;
    var options = SimulatorCommandLine.ToShellOptions(SimulatorCommandLine.ParseOptions(shellArguments));
    // A real process: wall/write notices and reboots reach the session while it waits for input.
    return new ShellHost(options, input, terminal, error, TimeProvider.System) { WatchInBackground = true, InputIsTerminal = !Console.IsInputRedirected }.Run(CancellationToken.None);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or ConfigTextException or IOException)
{
    error.WriteLine("vyos-sim: " + exception.Message);
    error.WriteLine(SimulatorCommandLine.Usage);
    return 2;
}
