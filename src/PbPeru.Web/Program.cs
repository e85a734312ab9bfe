using PbPeru.Web;
using PbPeru.Web.Data;

if (AdminCommand.IsRequested(args))
{
    return await AdminCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPbPeru(builder.Configuration, builder.Environment);

var app = builder.Build();
await DatabaseInitializer.InitializeAsync(app.Services);
app.UsePbPeru();
await app.RunAsync();
return 0;

/// <summary>The app's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
