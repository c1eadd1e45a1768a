namespace IntegratedCare.CarePlan.Application.Plans;

/// <summary>Wakes change-feed followers when a plan change commits.</summary>
public sealed class CarePlanFeedSignal
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Changed => Volatile.Read(ref _changed).Task;

    public void Pulse() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
