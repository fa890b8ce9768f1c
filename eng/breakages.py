#!/usr/bin/env python3
"""Proves that the wiring tests of issue 14 can fail: makes each one-line breakage in the source, builds the test
project, runs the tests that should catch it, prints their summary, and puts the source back (also on Ctrl+C).

    python3 eng/breakages.py            every breakage
    python3 eng/breakages.py B3 B5      some of them

Not part of ./run.sh test: each breakage rebuilds a test project. docs/testing.md lists the breakages and their tests.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BREAKAGES = [
 ("B1 planner enqueues nothing", "src/SocialFunctions.Functions/Alerts/SeriesFunctions.cs",
  "            await queue.EnqueueAsync(WorkQueues.SeriesChecks, BrandWorkItem.Serialize(settings.Brand), cancellationToken);\n",
  "            if (count < 0) await queue.EnqueueAsync(WorkQueues.SeriesChecks, BrandWorkItem.Serialize(settings.Brand), cancellationToken);\n",
  [("Functions", "*PlanSeriesChecks_Timer*")]),
 ("B2 upload stops queuing its series check", "src/SocialFunctions.Functions/Ingest/IngestExportFunction.cs",
  "            await queue.EnqueueAsync(WorkQueues.SeriesChecks, BrandWorkItem.Serialize(brand), cancellationToken);\n",
  "            if (outcomes.Count < 0) await queue.EnqueueAsync(WorkQueues.SeriesChecks, BrandWorkItem.Serialize(brand), cancellationToken);\n",
  [("Functions", "*Upload_RowsStored_QueuesOneSeriesCheck*"), ("Functions", "*UploadThenQueuedCheck*")]),
 ("B3 daily series read back empty", "src/SocialFunctions.Infrastructure/Storage/TableRecordStore.cs",
  "            yield return PostEntityMapper.ToDaily(entity);\n",
  "            if (entity is null) yield return PostEntityMapper.ToDaily(entity!);\n",
  [("Functions", "*ExportRoundTripTests*")]),
 ("B4 raw file never written to Blob Storage", "src/SocialFunctions.Core/Ingest/Pipeline/ExportIngestor.cs",
  "            await archive.ArchiveAsync(brand, uploadId, file.FileName, content, cancellationToken);\n",
  "            if (file.Length < 0) await archive.ArchiveAsync(brand, uploadId, file.FileName, content, cancellationToken);\n",
  [("Functions", "*Upload_AcceptedAndRejectedFiles_BothKept*"), ("Functions", "*ExportRoundTripTests*")]),
 ("B5 local queue runner deletes messages without calling their function", "src/SocialFunctions.LocalServer/Triggers/LocalQueuePump.cs",
  "            await invoker.InvokeAsync(function, new InvocationInput(QueueMessage: message.MessageText), stoppingToken);\n",
  "            if (message.DequeueCount < 0) await invoker.InvokeAsync(function, new InvocationInput(QueueMessage: message.MessageText), stoppingToken);\n",
  [("LocalServer", "*LocalQueuePumpTests*")]),
 ("B6 cap on listed upload errors removed", "src/SocialFunctions.Core/Ingest/Pipeline/ExportIngestor.cs",
  "            if (_errors.Count < MaxListedErrors)\n",
  "            if (true)\n",
  [("Functions", "*Upload_MoreBadRowsThanTheCap*")]),
 ("B7 Graph 'not sent after N attempts' reported as delivered", "src/SocialFunctions.Infrastructure/Mail/GraphMailSender.cs",
  '                return new MailSendResult(false, "graph", $"not sent after {attempt} attempts: {outcome.Reason}");\n',
  '                return new MailSendResult(true, "graph", $"not sent after {attempt} attempts: {outcome.Reason}");\n',
  [("Infrastructure", "*SendAsync_EverySendUnknownAndNeverInSentItems*"), ("Infrastructure", "*SendAsync_GraphNeverAcceptsNorShowsTheMail*")]),
 ("B8 /api/health answers 200 when storage is down", "src/SocialFunctions.Functions/Health/HealthFunction.cs",
  '        var healthy = checks.Values.All(v => v == "ok");\n',
  '        var healthy = true;\n',
  [("Functions", "*HealthStorageDownTests*")]),
 ("B8b /api/health healthy when any one service answers", "src/SocialFunctions.Functions/Health/HealthFunction.cs",
  '        var healthy = checks.Values.All(v => v == "ok");\n',
  '        var healthy = checks.Values.Any(v => v == "ok");\n',
  [("Functions", "*Health_OnlyTablesRefuseUs*")]),
]
only = sys.argv[1:]
missed = []
for name, path, old, new, tests in BREAKAGES:
    if only and not any(name.startswith(o) for o in only): continue
    full=os.path.join(ROOT,path); src=open(full).read()
    assert src.count(old)==1, (name, src.count(old))
    open(full,'w').write(src.replace(old,new))
    try:
        print(f"=== {name}: {path}", flush=True)
        print(f"    - {old.strip()}\n    + {new.strip()}", flush=True)
        projects=sorted(set(t[0] for t in tests))
        for p in projects:
            r=subprocess.run(["dotnet","build","-c","Release","-nologo","-v","quiet","-clp:ErrorsOnly"],cwd=f"{ROOT}/tests/SocialFunctions.{p}.Tests",capture_output=True,text=True)
            if r.returncode!=0: print("BUILD FAILED", r.stdout[-2000:], flush=True)
        for p, m in tests:
            d=f"{ROOT}/tests/SocialFunctions.{p}.Tests/bin/Release/net10.0"
            flag = "-class" if m.endswith("Tests*") else "-method"
            r=subprocess.run(["dotnet",f"SocialFunctions.{p}.Tests.dll",flag,m,"-noColor","-noLogo"],cwd=d,capture_output=True,text=True)
            summ=[l for l in r.stdout.splitlines() if "Total:" in l]
            fails=[l.strip() for l in r.stdout.splitlines() if l.strip().endswith("[FAIL]")]
            print(f"    {p}.Tests {flag} {m}: {summ[-1].strip() if summ else r.stdout[-500:]}", flush=True)
            if not fails:
                missed.append(f"{name}: {m}")
            for f in fails[:6]: print("      FAIL", f[:200], flush=True)
    finally:
        open(full,'w').write(src)
print("=== reverted; git diff of src:", flush=True)
print(subprocess.run(["git","diff","--stat","src"],cwd=ROOT,capture_output=True,text=True).stdout or "    (clean)", flush=True)
if missed:
    print("NOT CAUGHT:\n  " + "\n  ".join(missed), flush=True)
    sys.exit(1)
print("every breakage was caught by every test listed for it", flush=True)
