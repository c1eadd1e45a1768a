using IntegratedCare.BuildingBlocks.Application;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Domain;

namespace BuildingBlocks.Tests;

public sealed class PrimitivesTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("AreaIds[3]", "area_ids[3]")]
    [InlineData("Contact.Email", "contact.email")]
    [InlineData("RehabilitationCoordinator.StaffId", "rehabilitation_coordinator.staff_id")]
    public void FieldNames_FollowTheProtoSpelling(string property, string wire) =>
        Assert.Equal(wire, FieldNames.ToWireName(property));

    [Fact]
    public void PageToken_RoundTripsForTheSameFilterOnly()
    {
        var token = PageToken.Encode(40, "agencies|6");

        Assert.Equal(40, PageToken.Decode(token, "agencies|6"));
        Assert.Equal(0, PageToken.Decode("", "agencies|6"));
        Assert.Equal("page_token", Assert.Single(Assert.Throws<RequestValidationException>(() => PageToken.Decode(token, "agencies|7")).Errors).Field);
        Assert.Throws<RequestValidationException>(() => PageToken.Decode("not base64!", "agencies|6"));
        Assert.Throws<RequestValidationException>(() => PageToken.Decode(Convert.ToBase64String("v1:-5:x"u8.ToArray()), "agencies|6"));
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(10, 10)]
    [InlineData(5000, 200)]
    public void PageSize_DefaultsAndCaps(int requested, int expected) => Assert.Equal(expected, PageToken.PageSize(requested));

    [Theory]
    [InlineData("8c1f7a52-5b0e-4c55-9f5e-3b1b8a6f2d11", true)]
    [InlineData("00000000-0000-0000-0000-000000000000", false)]
    [InlineData("8c1f7a525b0e4c559f5e3b1b8a6f2d11", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TypedIds_AcceptOnlyTheCanonicalNonEmptyForm(string? text, bool valid) => Assert.Equal(valid, TypedIds.IsValid(text));

    [Fact]
    public void Result_CarriesAValueOrAnErrorNeverBoth()
    {
        var success = Result.Success(42);
        var failure = Result.Failure<int>(new Error("agency.inactive", "Agency is inactive."));

        Assert.Equal(42, success.Value);
        Assert.True(failure.IsFailure);
        Assert.Equal("agency.inactive", failure.Error.Code);
        Assert.Throws<InvalidOperationException>(() => failure.Value);
    }
}
