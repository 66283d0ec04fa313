namespace NatFunctions.LocalHost.Functions;

/// <summary>Holds the loaded app once the handshake is done; empty before that (the public port is not open yet).</summary>
internal sealed class FunctionRegistry
{
    private LoadedFunctionApp? app;

    public LoadedFunctionApp? App => Volatile.Read(ref app);

    public void Publish(LoadedFunctionApp loaded) => Volatile.Write(ref app, loaded);
}
