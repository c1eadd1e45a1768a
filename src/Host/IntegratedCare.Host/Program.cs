using IntegratedCare.Assessment.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.CarePlan.Infrastructure;
using IntegratedCare.GapsAndBlocks.Infrastructure;
using IntegratedCare.Identity.Infrastructure;
using IntegratedCare.Notifications.Infrastructure;
using IntegratedCare.Host;
using IntegratedCare.Host.Fhir;
using IntegratedCare.Host.Web;
using IntegratedCare.Protocols.Infrastructure;

if (args.Length > 0 && args[0] == TokenCommand.Name)
{
    return TokenCommand.Run(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);

// The UI's CSS and scripts come from the build output's static web assets when the host runs unpublished
// (dotnet run, tests); published output carries them in wwwroot.
builder.WebHost.UseStaticWebAssets();

// Request headers up to 128 KiB reach the application, so an over-long token is answered UNAUTHENTICATED
// (see Authentication:MaxTokenLength) rather than by an HTTP/2 stream reset or a bare 431. Past this the
// transport refuses the stream before any gRPC processing.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestHeadersTotalSize = 128 * 1024;
    kestrel.Limits.Http2.MaxRequestHeaderFieldSize = 128 * 1024;
});

builder.Services.AddBuildingBlocks(builder.Configuration);
builder.Services.AddIdentityModule(builder.Configuration);
builder.Services.AddProtocolsModule(builder.Configuration);
builder.Services.AddAssessmentModule(builder.Configuration);
builder.Services.AddCarePlanModule(builder.Configuration);
builder.Services.AddGapsAndBlocksModule(builder.Configuration);
builder.Services.AddNotificationsModule(builder.Configuration);
builder.Services.AddGrpcEndpoints(builder.Configuration);
builder.Services.AddIntegratedCareTelemetry(builder.Configuration);
builder.Services.AddStaffWebUi(builder.Configuration);
builder.Services.AddFhirR4();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcPlumbing();
app.MapProtocolsModule();
app.MapAssessmentModule();
app.MapCarePlanModule();
app.MapGapsAndBlocksModule();
app.MapStaffWebUi();
app.MapFhirR4();

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
