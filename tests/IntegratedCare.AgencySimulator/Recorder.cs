using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace IntegratedCare.AgencySimulator;

/// <summary>One call a simulated agency made: who, which method, what the system answered and how fast.</summary>
public sealed record CallRecord(string Agency, string Service, string Method, StatusCode Status, double Milliseconds);

/// <summary>Every call of a run, for the story and the closing report.</summary>
public sealed class Recorder
{
    private readonly ConcurrentQueue<CallRecord> _calls = new();

    public IReadOnlyCollection<CallRecord> Calls => _calls;

    public void Add(CallRecord call) => _calls.Enqueue(call);

    public CallInvoker Wrap(CallInvoker invoker, string agency) => invoker.Intercept(new RecordingInterceptor(this, agency));

    private sealed class RecordingInterceptor(Recorder recorder, string agency) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var watch = Stopwatch.StartNew();
            var call = continuation(request, context);
            var service = context.Method.ServiceName.Split('.').Last();
            return new AsyncUnaryCall<TResponse>(
                Observe(call.ResponseAsync, service, context.Method.Name, watch),
                call.ResponseHeadersAsync,
                call.GetStatus,
                call.GetTrailers,
                call.Dispose);
        }

        private async Task<TResponse> Observe<TResponse>(Task<TResponse> response, string service, string method, Stopwatch watch)
        {
            try
            {
                var result = await response;
                recorder.Add(new CallRecord(agency, service, method, StatusCode.OK, watch.Elapsed.TotalMilliseconds));
                return result;
            }
            catch (RpcException ex)
            {
                recorder.Add(new CallRecord(agency, service, method, ex.StatusCode, watch.Elapsed.TotalMilliseconds));
                throw;
            }
        }
    }
}
