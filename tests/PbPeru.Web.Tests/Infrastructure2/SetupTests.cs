using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Infrastructure.Email;

namespace PbPeru.Web.Tests.Infrastructure2;

[Trait("Capability", "Preparation")]
public sealed class SetupTests
{
    private const string ContentRoot = "/srv/pbperu";

    [Fact]
    public void AddEmail_WithoutSmtpHost_WritesToTheAppDataMailFolder()
    {
        var sender = Resolve<IEmailSender>(s => s.AddPbPeruEmail(Configuration(), Environment()));

        var folder = Assert.IsType<FolderEmailSender>(sender);
        Assert.Equal(Path.GetFullPath("/srv/pbperu/App_Data/mail"), folder.Folder);
    }

    [Fact]
    public void AddEmail_WithAPickupFolder_UsesItRelativeToTheContentRoot()
    {
        var sender = Resolve<IEmailSender>(s => s.AddPbPeruEmail(Configuration(("Email:PickupFolder", "correo")), Environment()));

        Assert.Equal(Path.GetFullPath("/srv/pbperu/correo"), Assert.IsType<FolderEmailSender>(sender).Folder);
    }

    [Fact]
    public void AddEmail_WithSmtpHost_SendsThroughSmtp()
    {
        var sender = Resolve<IEmailSender>(s => s.AddPbPeruEmail(
            Configuration(("Email:Smtp:Host", "smtp.ejemplo.gob.pe"), ("Email:Smtp:Port", "25"), ("Email:Smtp:EnableSsl", "false")), Environment()));

        Assert.IsType<SmtpEmailSender>(sender);
    }

    [Fact]
    public void AddEmail_WithAFromThatIsNotAnAddress_FailsAtStartUp() =>
        Assert.Throws<FormatException>(() => new ServiceCollection().AddPbPeruEmail(Configuration(("Email:From", "PbPeru")), Environment()));

    [Fact]
    public void AddDocuments_ByDefault_StoresUnderAppDataDocuments()
    {
        var store = Resolve<IDocumentStore>(s => s.AddPbPeruDocuments(Configuration(), Environment()));

        Assert.Equal(Path.GetFullPath("/srv/pbperu/App_Data/documents"), Assert.IsType<FileDocumentStore>(store).RootPath);
    }

    [Theory]
    [InlineData("wwwroot/documents")]
    [InlineData("wwwroot")]
    [InlineData("/srv/pbperu/wwwroot/../wwwroot/subidos")]
    public void AddDocuments_InsideTheWebRoot_FailsAtStartUp(string path) =>
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPbPeruDocuments(Configuration(("Documents:Path", path)), Environment()));

    [Fact]
    public void AddDocuments_BesideTheWebRoot_IsAllowed()
    {
        var store = Resolve<IDocumentStore>(s => s.AddPbPeruDocuments(Configuration(("Documents:Path", "wwwroot-documentos")), Environment()));

        Assert.Equal(Path.GetFullPath("/srv/pbperu/wwwroot-documentos"), Assert.IsType<FileDocumentStore>(store).RootPath);
    }

    private static T Resolve<T>(Action<IServiceCollection> register)
        where T : notnull
    {
        var services = new ServiceCollection().AddLogging();
        register(services);
        return services.BuildServiceProvider().GetRequiredService<T>();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static TestEnvironment Environment() => new();

    private sealed class TestEnvironment : IWebHostEnvironment
    {
        public string ApplicationName { get; set; } = "PbPeru.Web";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = ContentRoot;

        public string EnvironmentName { get; set; } = Environments.Production;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string WebRootPath { get; set; } = Path.Combine(ContentRoot, "wwwroot");
    }
}
