using IntegratedCare.Assessment.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.CarePlan.Infrastructure;
using IntegratedCare.GapsAndBlocks.Infrastructure;
using IntegratedCare.Host;
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

builder.Services.AddBuildingBlocks(builder.Configuration);
builder.Services.AddProtocolsModule(builder.Configuration);
builder.Services.AddAssessmentModule(builder.Configuration);
builder.Services.AddCarePlanModule(builder.Configuration);
builder.Services.AddGapsAndBlocksModule(builder.Configuration);
builder.Services.AddGrpcEndpoints(builder.Configuration);
builder.Services.AddStaffWebUi(builder.Configuration);

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcPlumbing();
app.MapProtocolsModule();
app.MapAssessmentModule();
app.MapCarePlanModule();
app.MapGapsAndBlocksModule();
app.MapStaffWebUi();

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
