namespace NatFunctions.LocalHost.Rpc;

internal sealed class WorkerChannelClosedException() : IOException("The worker's gRPC stream is closed.");
