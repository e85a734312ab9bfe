using System.Reflection;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework(PbPeruTestFramework.TypeName, PbPeruTestFramework.AssemblyName)]

namespace PbPeru.Web.Tests.Infrastructure;

/// <summary>
/// xunit's own framework plus one assembly-level step: stop the shared PostgreSQL server once every
/// test has run, before the runner ends (and kills) the test process. Test assemblies that use
/// <see cref="PostgresServer"/> opt in with
/// <c>[assembly: TestFramework(PbPeruTestFramework.TypeName, PbPeruTestFramework.AssemblyName)]</c>.
/// </summary>
public sealed class PbPeruTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "PbPeru.Web.Tests.Infrastructure.PbPeruTestFramework";
    public const string AssemblyName = "PbPeru.Web.Tests";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await PostgresServer.StopSharedAsync();
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
