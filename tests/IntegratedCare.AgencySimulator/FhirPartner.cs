using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegratedCare.AgencySimulator;

/// <summary>
/// A partner agency's system that speaks FHIR R4 instead of gRPC: it finds its tasks through the plan's
/// activities, answers them with <c>PUT Task</c> and the ETag it read, and handles its referrals' tasks the
/// same way. It knows nothing of the gRPC contract.
/// </summary>
public sealed class FhirPartner(HttpClient client, string agencyId)
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>The tasks on the plan this agency owns, with the ETag each was read at; null when it may not read the plan.</summary>
    public async Task<List<(FhirTask Task, string ETag)>?> OwnTasksAsync(string carePlanId)
    {
        var response = await client.GetAsync($"CarePlan/{carePlanId}");
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return null;
        }

        var plan = await ReadAsync<Hl7.Fhir.Model.CarePlan>(response);
        var own = new List<(FhirTask, string)>();
        foreach (var activity in plan.Activity)
        {
            var (task, etag) = await GetTaskAsync(activity.Reference!.Reference!);
            if (task.Owner?.Reference == $"Organization/{agencyId}")
            {
                own.Add((task, etag));
            }
        }

        return own;
    }

    public async Task<(FhirTask Task, string ETag)> GetTaskAsync(string path)
    {
        var response = await client.GetAsync(path);
        return (await ReadAsync<FhirTask>(response), response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"GET {path} gave no ETag"));
    }

    /// <summary>Sends the task back changed; returns it as the server now has it, with its new ETag.</summary>
    public async Task<(FhirTask Task, string ETag)> PutAsync(FhirTask task, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"Task/{task.Id}")
        {
            Content = new StringContent(JsonSerializer.Serialize<Resource>(task, Json), Encoding.UTF8, "application/fhir+json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await client.SendAsync(request);
        return (await ReadAsync<FhirTask>(response), response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"PUT Task/{task.Id} gave no ETag"));
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {body}", null, response.StatusCode);
        }

        return JsonSerializer.Deserialize<Resource>(body, Json) as T
            ?? throw new InvalidOperationException($"expected a {typeof(T).Name}, got {body}");
    }

    /// <summary>The FHIR base of a system, with the agency's token on every request.</summary>
    public static HttpClient Client(HttpClient client, string token)
    {
        client.BaseAddress = new Uri(client.BaseAddress!, "/fhir/r4/");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
