using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Security;

/// <summary>
/// The embedded default's token signing key: an RSA key generated on first run and kept in the data
/// folder, so tokens minted by the <c>token</c> command stay valid across restarts.
/// </summary>
public sealed class LocalSigningKey
{
    public LocalSigningKey(IOptions<AuthOptions> options, IHostEnvironment environment)
    {
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.SigningKeyPath));
        var rsa = RSA.Create();
        if (File.Exists(Path))
        {
            rsa.ImportFromPem(File.ReadAllText(Path));
        }
        else
        {
            rsa.KeySize = 3072;
            Persistence.DataFolder.EnsureFor(Path);
            var pem = rsa.ExportPkcs8PrivateKeyPem();
            var temporary = Path + ".tmp";
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, fileOptions))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(pem);
            }

            // Two processes starting at once: the first key written wins and both use it.
            try
            {
                File.Move(temporary, Path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
                rsa.ImportFromPem(File.ReadAllText(Path));
            }
        }

        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        Key = key;
    }

    public string Path { get; }

    public SecurityKey Key { get; }
}
