using System.Runtime.InteropServices;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Takes the login's terminal out of line mode for one read. 1.3's "Proceed? [confirm]" is IO::Prompt <c>-y1</c>
/// (equuleus vyatta-config-mgmt.pl), which switches the tty to single-key reads (Term::ReadKey): the key arrives without
/// Enter, and an Enter typed after it stays for the shell. Over sshd our tty is in line mode, so without this the key
/// would wait for a newline that a real router never needs.
/// </summary>
/// <remarks>
/// termios is set directly rather than with <c>stty</c>: .NET restores its own terminal settings whenever a child
/// process it started on the terminal exits, which would undo the change before the read.
/// </remarks>
internal sealed class OneKeyTerminalMode : IDisposable
{
    // Linux struct termios: four tcflag_t (c_lflag at offset 12), c_line, then c_cc[32] from offset 17.
    private const int TermiosSize = 60;
    private const int LocalFlagsOffset = 12;
    private const int ControlCharsOffset = 17;
    private const int VTime = 5;
    private const int VMin = 6;
    private const uint CanonicalInput = 0x2; // ICANON
    private const int StandardInput = 0;
    private const int SetNow = 0; // TCSANOW

    private readonly byte[] saved;

    private OneKeyTerminalMode(byte[] saved) => this.saved = saved;

    /// <summary>Non-canonical, one byte per read; echo stays on, as IO::Prompt shows the key typed.</summary>
    public static IDisposable Enter()
    {
        var current = new byte[TermiosSize];
        if (NativeMethods.tcgetattr(StandardInput, current) != 0)
        {
            throw new IOException($"tcgetattr failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var oneKey = (byte[])current.Clone();
        var localFlags = BitConverter.ToUInt32(oneKey, LocalFlagsOffset) & ~CanonicalInput;
        BitConverter.GetBytes(localFlags).CopyTo(oneKey, LocalFlagsOffset);
        oneKey[ControlCharsOffset + VMin] = 1;
        oneKey[ControlCharsOffset + VTime] = 0;
        Set(oneKey);
        return new OneKeyTerminalMode(current);
    }

    public void Dispose() => Set(saved);

    private static void Set(byte[] termios)
    {
        if (NativeMethods.tcsetattr(StandardInput, SetNow, termios) != 0)
        {
            throw new IOException($"tcsetattr failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int tcgetattr(int fileDescriptor, byte[] termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcsetattr(int fileDescriptor, int optionalActions, byte[] termios);
    }
}
