using FluentValidation;
using MediatR;

namespace IntegratedCare.ArchitectureTests;

/// <summary>
/// Every module's Application project has one shape, so "where is the rule for X" is answered by folder
/// names: <c>&lt;Area&gt;/&lt;UseCase&gt;/&lt;UseCase&gt;.cs</c> holds a request (when it lives in Application),
/// its validator and its handler, in the namespace <c>IntegratedCare.X.Application.&lt;Area&gt;.&lt;UseCase&gt;</c>;
/// what an area's use cases share sits in <c>&lt;Area&gt;/</c>; module-level types sit at the root.
/// </summary>
public sealed class ApplicationShapeTests
{
    /// <summary>
    /// Request handlers allowed outside a use-case folder, by full name, each with the reason in a comment.
    /// None is needed today: every handler has its own folder.
    /// </summary>
    private static readonly HashSet<string> AllowedOutsideAUseCase = [];

    public static TheoryData<string> Modules => new(Solution.Modules);

    [Theory]
    [MemberData(nameof(Modules))]
    public void EveryRequestHandler_LivesInAUseCaseFolderOfAnArea(string module)
    {
        var application = Solution.Load(module, "Application");
        var handlers = RequestHandlers(application).ToList();
        var misplaced = handlers
            .Where(t => !AllowedOutsideAUseCase.Contains(t.FullName!) && SegmentsAfterApplication(module, t.Namespace) < 2)
            .Select(t => $"{t.FullName} (namespace {t.Namespace})")
            .ToList();

        Assert.NotEmpty(handlers);
        Assert.True(misplaced.Count == 0,
            $"{module}: request handlers outside an <Area>.<UseCase> namespace: {string.Join(", ", misplaced)}");
    }

    /// <summary>
    /// A use-case folder holds one use case: one handler for one request, with the request itself when
    /// Application declares it, and the request's validator.
    /// </summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void AUseCaseFolder_HoldsOneHandlerForOneRequest_WithItsRequestAndValidator(string module)
    {
        var application = Solution.Load(module, "Application");
        var handlers = RequestHandlers(application).Where(t => !AllowedOutsideAUseCase.Contains(t.FullName!)).ToList();

        var handlingMany = handlers.Where(t => HandledRequests(t).Count() > 1).Select(t => t.FullName).ToList();
        var sharedFolders = handlers.GroupBy(t => t.Namespace).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Name))}").ToList();
        var apart = handlers.SelectMany(t => HandledRequests(t).Select(r => (Handler: t, Request: r)))
            .Where(p => p.Request.Assembly == application && p.Request.Namespace != p.Handler.Namespace)
            .Select(p => $"{p.Request.FullName} is handled by {p.Handler.FullName}").ToList();

        var handlerOf = handlers.SelectMany(t => HandledRequests(t).Select(r => (Handler: t, Request: r))).ToDictionary(p => p.Request, p => p.Handler);
        var strayValidators = application.GetTypes()
            .Select(t => (Validator: t, Validated: ValidatedType(t)))
            .Where(v => v.Validated is not null && handlerOf.TryGetValue(v.Validated, out var handler) && handler.Namespace != v.Validator.Namespace)
            .Select(v => $"{v.Validator.FullName} validates {v.Validated!.Name}, handled in {handlerOf[v.Validated!].Namespace}").ToList();

        Assert.True(handlingMany.Count == 0, $"{module}: handlers of more than one request: {string.Join(", ", handlingMany)}");
        Assert.True(sharedFolders.Count == 0, $"{module}: use-case folders with more than one handler: {string.Join("; ", sharedFolders)}");
        Assert.True(apart.Count == 0, $"{module}: requests away from their handler: {string.Join("; ", apart)}");
        Assert.True(strayValidators.Count == 0, $"{module}: validators away from their request's handler: {string.Join("; ", strayValidators)}");
    }

    /// <summary>A file's namespace is its folder path, so the folder a rule sits in names it.</summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void EverySourceFile_DeclaresTheNamespaceOfItsFolder(string module)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "Modules", module, $"IntegratedCare.{module}.Application");
        var files = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(project, f).Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            .ToList();
        var wrong = new List<string>();
        foreach (var file in files)
        {
            var folder = Path.GetRelativePath(project, Path.GetDirectoryName(file)!);
            var expected = folder == "." ? $"IntegratedCare.{module}.Application" : $"IntegratedCare.{module}.Application.{folder.Replace(Path.DirectorySeparatorChar, '.')}";
            var declared = File.ReadLines(file).Select(l => l.Trim()).Where(l => l.StartsWith("namespace ", StringComparison.Ordinal))
                .Select(l => l["namespace ".Length..].TrimEnd(';', ' ')).ToList();
            if (declared.Count != 1 || declared[0] != expected)
            {
                wrong.Add($"{Path.GetRelativePath(project, file)} declares {string.Join(", ", declared)}, not {expected}");
            }
        }

        Assert.NotEmpty(files);
        Assert.True(wrong.Count == 0, $"{module}: {string.Join("; ", wrong)}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntegratedCare.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository: IntegratedCare.sln was not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<Type> RequestHandlers(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && HandledRequests(t).Any());

    private static IEnumerable<Type> HandledRequests(Type handler) =>
        handler.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
            .Select(i => i.GetGenericArguments()[0]);

    private static Type? ValidatedType(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static int SegmentsAfterApplication(string module, string? ns)
    {
        var root = $"IntegratedCare.{module}.Application";
        if (ns is null || !(ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)))
        {
            return -1;
        }

        return ns.Length == root.Length ? 0 : ns[(root.Length + 1)..].Split('.').Length;
    }
}
