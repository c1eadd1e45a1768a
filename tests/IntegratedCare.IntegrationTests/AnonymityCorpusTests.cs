using System.Diagnostics;
using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.GapsBlocks.V1;
using Xunit.Abstractions;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The anonymity guard measured both ways over real gRPC (CheckFormText, the check the web UI uses): a
/// corpus of texts that identify one of two registered people, generated from their details by the
/// transformations a person uses (nicknames, initials, spacing, typos, grouping, look-alike digits,
/// number words, obfuscated emails, addresses in any case, birth dates in words), and a corpus of benign
/// gaps-and-blocks texts about services. It prints both rates and the misses.
/// </summary>
public sealed class AnonymityCorpusTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DataFolder _folder = new();
    private TestHost _host = null!;
    private GapsBlocksService.GapsBlocksServiceClient _caseManager = null!;
    private string _areaId = null!;

    private static readonly string Chi = WithModulus11("140387123");
    private static readonly string Nhs = "9434765919";
    private const string Pps = "1234567T";

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder);
        var scenario = new AgencyScenario(_host);
        var area = await scenario.CreateAreaAsync();
        var (addiction, _, _) = await scenario.RegisterPartnersAsync(area.AreaId);
        _areaId = area.AreaId;
        var people = new ServiceUserService.ServiceUserServiceClient(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)));
        await people.RegisterServiceUserAsync(new RegisterServiceUserRequest
        {
            Details = new ServiceUserDetails
            {
                Name = new PersonName { GivenName = "Eilidh", FamilyName = "Doherty", OtherNames = "Marie", KnownAs = "Ellie" },
                DateOfBirth = "1987-03-14",
                Identifiers = { new PersonIdentifier { Scheme = IdentifierScheme.Chi, Value = Chi }, new PersonIdentifier { Scheme = IdentifierScheme.Nhs, Value = Nhs } },
                Contact = new ContactDetails { Phone = "07700 900123", Email = "eilidh.doherty@example.com" },
            },
        });
        await people.RegisterServiceUserAsync(new RegisterServiceUserRequest
        {
            Details = new ServiceUserDetails
            {
                Name = new PersonName { GivenName = "Seán", FamilyName = "Ó Súilleabháin", KnownAs = "Shane" },
                DateOfBirth = "1979-11-02",
                Identifiers = { new PersonIdentifier { Scheme = IdentifierScheme.Pps, Value = Pps } },
            },
        });
        _caseManager = new(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task TheGuard_CatchesWhatIdentifiesAPerson_AndLeavesTheIssueAlone()
    {
        var identifying = Identifying().Distinct().ToList();
        var benign = Benign().Distinct().ToList();
        Assert.True(identifying.Count >= 300, $"{identifying.Count} identifying texts");
        Assert.True(benign.Count >= 300, $"{benign.Count} benign texts");

        var missed = new List<string>();
        var flagged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await CheckAsync(benign[i], _ => { }); // warm up: the first calls compile the guard's code
        }

        var slowest = 0.0;
        foreach (var text in identifying)
        {
            if ((await CheckAsync(text, t => slowest = Math.Max(slowest, t))).Count == 0)
            {
                missed.Add(text);
            }
        }

        foreach (var text in benign)
        {
            var findings = await CheckAsync(text, t => slowest = Math.Max(slowest, t));
            if (findings.Count > 0)
            {
                flagged.Add($"{text}  [{string.Join(", ", findings.Select(f => $"{f.Kind} @{f.Start}+{f.Length}"))}]");
            }
        }

        var caught = 1.0 - ((double)missed.Count / identifying.Count);
        var falsePositive = (double)flagged.Count / benign.Count;
        output.WriteLine($"identifying: {identifying.Count - missed.Count} of {identifying.Count} caught ({caught:P1}); benign: {flagged.Count} of {benign.Count} flagged ({falsePositive:P1}); slowest check {slowest:F1} ms");
        missed.ForEach(m => output.WriteLine("missed: " + m));
        flagged.ForEach(f => output.WriteLine("flagged: " + f));
        Assert.True(caught >= 0.98, $"caught {caught:P1}; missed:\n{string.Join("\n", missed.Take(40))}");
        Assert.True(falsePositive <= 0.02, $"flagged {falsePositive:P1}:\n{string.Join("\n", flagged.Take(40))}");
    }

    [Theory]
    [InlineData("Eilidh Doherty", "cm@example.org", "", "form.case_manager.name")]
    [InlineData("A. Case Manager", "Eilidh.Doherty@example.com", "", "form.case_manager.email")]
    [InlineData("A. Case Manager", "cm@example.org", "+44 7700 900123", "form.case_manager.phone")]
    [InlineData("A. Case Manager", "cm@example.org", "0141 496 0000", null)]
    public async Task WhatNamesTheCaseManager_CannotBeTheRegisteredPersonsOwnDetails(string name, string email, string phone, string? refusedField)
    {
        var form = new FormFields
        {
            AreaId = _areaId, ProjectName = "Clydebank Addiction Service", FormDate = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            CaseManager = new CaseManagerContact { Name = name, Email = email, Phone = phone },
            Overview = "No supported accommodation after detox.",
            Actions = { new ActionStep { Who = "Case manager", What = "Referred to housing options", Outcome = "No places", Date = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
            CurrentSituation = "Discharge in two weeks.", Recommendations = "Commission supported places.",
            Category = FormCategory.Housing, Kind = FormKind.ResourceGap,
        };

        if (refusedField is null)
        {
            Assert.NotEmpty((await _caseManager.CreateFormAsync(new CreateFormRequest { Form = form })).FormId);
            return;
        }

        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => _caseManager.CreateFormAsync(new CreateFormRequest { Form = form }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(refusedField, Assert.Single(refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Distinct()));
    }

    private async Task<IReadOnlyList<IdentifyingFinding>> CheckAsync(string text, Action<double> took)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await _caseManager.CheckFormTextAsync(new CheckFormTextRequest { Texts = { new TextToCheck { Field = "overview", Text = text } } });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        took(elapsed);
        if (elapsed > 100)
        {
            output.WriteLine($"slow ({elapsed:F0} ms): {text}");
        }

        return answer.Findings;
    }

    private static readonly string[] Carriers =
    [
        "Met with {0} about the tenancy.",
        "The referral for {0} went unanswered for three weeks.",
        "{0} was refused a place at the hostel.",
        "Notes from the review: {0}; no further action.",
    ];

    private static IEnumerable<string> InCarriers(IEnumerable<string> parts) =>
        parts.SelectMany(p => Carriers.Select(c => string.Format(System.Globalization.CultureInfo.InvariantCulture, c, p)));

    private static IEnumerable<string> Identifying()
    {
        string[] names =
        [
            "Eilidh Doherty", "eilidh doherty", "EILIDH DOHERTY", "Ellie Doherty", "Eilidh Marie Doherty", "Marie Doherty", "E. Doherty", "E Doherty",
            "Eilidh D.", "Ellie D", "Doherty, Eilidh", "Ms Doherty", "Mrs Doherty", "Eilidh Doherty's", "E i l i d h Doherty", "Eilidh D o h e r t y",
            "Eilidh Dohrety", "Eilidh Dogherty", "Eilidh Doherti", "Eilidh Dherty", "Ellie Dohertty", "Ｅｉｌｉｄｈ Ｄｏｈｅｒｔｙ", "Éilidh Dóherty",
            "Seán Ó Súilleabháin", "Sean O Suilleabhain", "Shane O'Suilleabhain", "S. Ó Súilleabháin", "Mr Ó Súilleabháin", "Sean O Suileabhain",
            "Ellie Marie Doherty", "DOHERTY, Eilidh", "Eilidh  Doherty", "Eilidh\u00A0Doherty", "E.Doherty",
        ];
        string[] chi = [Chi, $"{Chi[..6]} {Chi[6..]}", $"{Chi[..4]} {Chi[4..7]} {Chi[7..]}", $"{Chi[..3]} {Chi[3..6]} {Chi[6..]}", string.Join(' ', Chi.ToCharArray()), Chi.Replace('0', 'O'), $"{Chi[..3]}-{Chi[3..6]}-{Chi[6..]}", $"{Chi[..3]}.{Chi[3..6]}.{Chi[6..]}"];
        string[] nhs = [Nhs, "943 476 5919", "943-476-5919", string.Join(' ', Nhs.ToCharArray()), "943 4765 919", "943.476.5919", "NHS no. 943 476 5919"];
        string[] pps = [Pps, "1234567 T", "1234567t", "123 4567T", "1234567T.", "PPS 1234567T"];
        string[] phones =
        [
            "07700 900123", "07700900123", "0044 7700 900123", "+44 7700 900123", "+44 (0)7700 900123", "(0141) 496 0000", "0141.496.0000", "0141/496/0000",
            "0 7 7 0 0 9 0 0 1 2 3", "oh seven seven oh oh nine oh oh one two three", "+353 87 123 4567", "087 123 4567", "01 234 5678", "0141-496-0000",
            "07700 9OO123", "o7700 900123",
            "07700-900-123", "(07700) 900123", "+44-7700-900123", "0141 496 0000 ext 2",
        ];
        string[] emails =
        [
            "eilidh.doherty@example.com", "eilidh.doherty at example dot com", "eilidh [at] example [dot] com", "eilidh(at)example.com", "eilidh @ example.com",
            "eilidh＠example.com", "eilidh@example", "EILIDH@EXAMPLE.COM", "ellie_d {at} mail [dot] ie",
        ];
        string[] addresses =
        [
            "14 glebe street", "14 Glebe Street", "Flat 2/1, 14 Glebe Street", "fourteen Glebe Street", "14 Glebe St", "22 Castle Wynd", "3 kirk brae",
            "flat 3", "12 Meadow Gardens", "7a Station Road", "twenty two Castle Wynd", "Flat four",
        ];
        string[] births =
        [
            "born 14/03/1987", "b. 14/3/87", "DOB 14.03.87", "born on the fourteenth of March", "her birthday is 14 March", "date of birth 14 March 1987",
            "14 March 1987", "14/03/1987", "1987-03-14", "birthday on the 2nd of November", "born 2 Nov 1979", "b. 2/11/79",
            "the fourteenth of March nineteen eighty-seven", "14th March nineteen eighty seven", "March 14, 1987", "14.03.1987",
        ];
        return InCarriers(names).Concat(InCarriers(chi)).Concat(InCarriers(nhs)).Concat(InCarriers(pps)).Concat(InCarriers(phones))
            .Concat(InCarriers(emails)).Concat(InCarriers(addresses)).Concat(InCarriers(births));
    }

    private static IEnumerable<string> Benign()
    {
        string[] services =
        [
            "The housing options team", "The community mental health team", "The GP practice in Clydebank", "The detox unit", "Tier 3 services", "The residential rehabilitation service",
            "The employment support project", "Social work", "The criminal justice team", "The NHS board", "Dundee Housing Options", "The Glebe Street clinic",
            "The Ballymun drugs task force", "The literacy scheme", "The family support service", "The pharmacy in Dumbarton",
        ];
        string[] problems =
        [
            "had no supported places for 16 weeks", "refused registration without a fixed address", "kept a waiting list of 12 weeks", "closed its drop-in on Fridays",
            "lost its funding in 2025", "did not answer the referral within ten working days", "allocated a worker after 21 days", "has 3 beds for 40 people",
            "moved its clinic to the town centre", "asked for a meeting on 12 March 2026", "would not accept referrals from tier 2", "has opening hours of 9 to 5 only",
            "needs two more workers to meet demand", "reviews cases every 6 weeks", "had 14 referrals and 10 places in May", "cannot see anyone under 18",
            "answered 2 of 5 referrals on time", "meets on the first Monday of the month", "has no interpreter budget", "sends letters only by post",
        ];
        foreach (var service in services)
        {
            foreach (var problem in problems)
            {
                yield return $"{service} {problem}.";
            }
        }

        yield return "The sub-group meets on 4 June 2026 at 10:00 in the council chambers.";
        yield return "Escalated to the service manager; the protocol's review is due 2027-11-01.";
        yield return "Referred to housing on 12/10/2026; no reply after ten working days.";
        yield return "Beds available: 10, 12, 14 and 16 across the four units.";
        yield return "Reference 2026/0412 was closed by the co-ordinator.";
        yield return "Tier 4 detox beds: 10 in the region, all taken until 2027.";
    }

    private static string WithModulus11(string nine)
    {
        var sum = nine.Select((c, i) => (c - '0') * (10 - i)).Sum();
        var check = 11 - (sum % 11);
        return check == 10 ? WithModulus11(((long.Parse(nine, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)) : nine + (check == 11 ? 0 : check);
    }
}
