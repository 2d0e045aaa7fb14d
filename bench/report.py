"""Turns the raw measurements of bench/run into bench/RESULTS.md: machine facts, a
table of medians and peak memory with glmviz/peer ratios, and the project's performance floors
with pass or fail.

Standard library only, so the smoke run needs no virtual environment.

Raw layout (one folder per case under --raw):
  status                 "ok" or "skipped: reason"
  commands.tsv           label <TAB> command, in the order they were timed
  failed.tsv             label <TAB> command <TAB> first line of its error (left out)
  failures.txt           one line per round that crashed or failed and was run again
  time-<round>.json      hyperfine's export for one round (every command once)
  memory-<label>-<round>.time / .stderr   GNU `time -v` report and the command's stderr
  design                 "n p" of the fit case's design matrix
  glmviz-accuracy-timing.txt              glmviz's own warm fit time (fit case)
"""

import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import shlex
import statistics
import subprocess

MIB = 1024 * 1024

CASE_TITLES = {
    "startup": "`glmviz --version` (start-up)",
    "toluca-fit": "`glmviz fit` on Toluca (smoke)",
    "simple-regression": "one lesson: Toluca scatter, line, residuals (PNG + SVG)",
    "all-lessons": "every bundled lesson (PNG + SVG)",
    "fit-1e6": "OLS with SE/t/p, 10⁶ rows × 11 columns, whole process",
    "scatter-1e6": "10⁶-point scatter to PNG",
    "fmri-fit-core": "fMRI fit itself, 10⁵ voxels × 200 scans × 10 regressors, OLS",
    "fmri-fit-1e5": "`glmviz fmri fit` NIfTI to maps, 10⁵ voxels × 200 scans, AR(1)",
}
# The peer a case's ratios are taken against (the first non-glmviz command otherwise).
REFERENCE_PEER = {"fit-1e6": "statsmodels", "fmri-fit-1e5": "nilearn", "fmri-fit-core": "numpy"}


# ----------------------------------------------------------------------------- reading

class Command:
    def __init__(self, label, command):
        self.label = label
        self.command = command
        self.wall = []        # seconds, one per round
        self.rss = []         # bytes, one per round
        self.fit_seconds = []  # the command's own fit time (after parsing), one per round
        self.read_seconds = []  # glmviz only: reading the CSV
        self.design_seconds = []  # glmviz only: building the design matrix

    @property
    def wall_median(self):
        return statistics.median(self.wall) if self.wall else None

    @property
    def rss_median(self):
        return statistics.median(self.rss) if self.rss else None

    @property
    def fit_median(self):
        return statistics.median(self.fit_seconds) if self.fit_seconds else None


class Case:
    def __init__(self, folder: pathlib.Path):
        self.name = folder.name
        self.status = (folder / "status").read_text().strip() if (folder / "status").exists() else "not run"
        self.commands = {}
        self.failed = []
        self.failures = []
        self.design = None
        self.glmviz_warm_fit_seconds = None
        if (folder / "failed.tsv").exists():
            self.failed = [line.split("\t", 2) for line in (folder / "failed.tsv").read_text().splitlines()]
        if (folder / "failures.txt").exists():
            self.failures = (folder / "failures.txt").read_text().splitlines()
        if self.status != "ok":
            return
        for line in (folder / "commands.tsv").read_text().splitlines():
            label, command = line.split("\t", 1)
            self.commands[label] = Command(label, command.strip())
        for export in sorted(folder.glob("time-*.json")):
            for result in json.loads(export.read_text())["results"]:
                self.commands[result["command"]].wall.extend(result["times"])
        for label, command in self.commands.items():
            for report in sorted(folder.glob(f"memory-{label}-*.time")):
                match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text())
                if match:
                    command.rss.append(int(match.group(1)) * 1024)
                stderr = report.with_suffix(".stderr").read_text(errors="replace")
                match = re.search(r"^fit-seconds: ([0-9.eE+-]+)$", stderr, re.MULTILINE)
                if match:
                    command.fit_seconds.append(float(match.group(1)))
                # glmviz fit --timing: "timing: read … CSV 0.5 s, design … 0.1 s, fit 0.2 s"
                match = re.search(r"^timing: read .* ([0-9.]+) s, design .* ([0-9.]+) s, fit ([0-9.]+) s$",
                                  stderr, re.MULTILINE)
                if match:
                    command.read_seconds.append(float(match.group(1)))
                    command.design_seconds.append(float(match.group(2)))
                    command.fit_seconds.append(float(match.group(3)))
        self.volume = None
        if (folder / "volume").exists():
            voxels, scans = (int(v) for v in (folder / "volume").read_text().split())
            self.volume = (voxels, scans)
        if (folder / "design").exists():
            n, p = (int(v) for v in (folder / "design").read_text().split())
            self.design = (n, p)
        timing = folder / "glmviz-accuracy-timing.txt"
        if timing.exists():
            match = re.search(r"Fit with inference, n = (\d+), p = (\d+): ([0-9.]+) ms", timing.read_text())
            if match and self.design == (int(match.group(1)), int(match.group(2))):
                self.glmviz_warm_fit_seconds = float(match.group(3)) / 1000

    @property
    def glmviz_fit_seconds(self):
        """glmviz's fit time on the case's own file when `glmviz fit --timing` gave one,
        else the warm time of `glmviz accuracy --timing` on a design of the same size."""
        if self.glmviz is not None and self.glmviz.fit_median is not None:
            return self.glmviz.fit_median
        return self.glmviz_warm_fit_seconds

    @property
    def glmviz(self):
        return self.commands.get("glmviz")

    @property
    def peer(self):
        wanted = REFERENCE_PEER.get(self.name)
        if wanted in self.commands:
            return self.commands[wanted]
        return next((c for label, c in self.commands.items() if label != "glmviz"), None)


def read_cases(raw: pathlib.Path):
    """Cases in the order of CASE_TITLES, the order bench/run measures them."""
    order = list(CASE_TITLES)
    folders = [folder for folder in raw.iterdir() if folder.is_dir()]
    folders.sort(key=lambda f: (order.index(f.name) if f.name in order else len(order), f.name))
    return {folder.name: Case(folder) for folder in folders}


# ----------------------------------------------------------------------------- machine

def run(argv):
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        return (done.stdout or done.stderr).strip()
    except (OSError, subprocess.SubprocessError):
        return "unavailable"


def machine_facts(glmviz: str, python: str, raw: pathlib.Path):
    cpu = "unknown"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kib = int(re.search(r"MemTotal:\s+(\d+)", pathlib.Path("/proc/meminfo").read_text()).group(1))
    os_name = platform.platform()
    os_release = pathlib.Path("/etc/os-release")
    if os_release.exists():
        match = re.search(r'^PRETTY_NAME="?([^"\n]*)', os_release.read_text(), re.MULTILINE)
        if match:
            os_name = f"{match.group(1)} (Linux {platform.release()})"
    def recorded(name, otherwise):
        path = raw / name
        return path.read_text().strip() if path.exists() else otherwise

    facts = [
        ("date (UTC)", recorded("started", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"))),
        ("CPU", cpu),
        ("cores", str(os.cpu_count())),
        ("RAM", f"{mem_kib / 1024 / 1024:.1f} GiB"),
        ("OS", os_name),
        ("load average (1, 5, 15 min) at start → end",
         f"{' '.join((raw / 'loadavg-start').read_text().split()[:3])} → "
         f"{' '.join((raw / 'loadavg-end').read_text().split()[:3])}"),
        ("glmviz", f"{run([glmviz, '--version'])} (commit {recorded('revision', 'unknown')})"),
        ("Swift", run(["swift", "--version"]).splitlines()[0] if run(["swift", "--version"]) else "unavailable"),
        ("hyperfine", run(["hyperfine", "--version"])),
    ]
    if os.access(python, os.X_OK):
        versions = run([python, "-c", (
            "import importlib, platform\n"
            "names = ['numpy', 'pandas', 'matplotlib', 'seaborn', 'statsmodels', 'scipy']\n"
            "print('Python ' + platform.python_version() + '; ' + ', '.join("
            "n + ' ' + importlib.import_module(n).__version__ for n in names))")])
        facts.append(("Python peers", versions))
    else:
        facts.append(("Python peers", "not installed (bench/setup); glmviz-only cases"))
    return facts


# ----------------------------------------------------------------------------- writing

def seconds(value):
    if value is None:
        return "—"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def mebibytes(value):
    return "—" if value is None else f"{value / MIB:.0f} MiB"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def show_ratio(value):
    return "—" if value is None else f"{value:.3f}"


def results_table(cases):
    rows = ["| case | command | rounds | median wall | range (min–max) | peak RSS (median) | wall ÷ peer | RSS ÷ peer |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    for case in cases.values():
        if case.status != "ok":
            continue
        peer = case.peer
        for command in case.commands.values():
            is_glmviz = command.label == "glmviz"
            wall_ratio = ratio(command.wall_median, peer.wall_median) if is_glmviz and peer else None
            rss_ratio = ratio(command.rss_median, peer.rss_median) if is_glmviz and peer else None
            spread = f"{seconds(min(command.wall))} – {seconds(max(command.wall))}" if command.wall else "—"
            rows.append(f"| {case.name} | {command.label} | {len(command.wall)} | {seconds(command.wall_median)} | {spread} | "
                        f"{mebibytes(command.rss_median)} | {show_ratio(wall_ratio)} | {show_ratio(rss_ratio)} |")
    return rows


def fit_itself_table(case):
    rows = ["| fit itself (after parsing) | median | source |", "|---|---:|---|"]
    glmviz = case.glmviz
    if glmviz is not None and glmviz.fit_seconds:
        rows.append(f"| glmviz | {seconds(glmviz.fit_median)} | `glmviz fit --timing` on the same file, the one "
                    f"fit of the process (not warmed up), median of {len(glmviz.fit_seconds)} runs; reading "
                    f"the CSV took {seconds(statistics.median(glmviz.read_seconds))} and building the design "
                    f"{seconds(statistics.median(glmviz.design_seconds))} |")
    if case.glmviz_warm_fit_seconds is not None:
        rows.append(f"| glmviz, warm | {seconds(case.glmviz_warm_fit_seconds)} | `glmviz accuracy --timing` "
                    "(10⁶ × 11 random design, median of 5 in one process) |")
    for label in ("numpy", "statsmodels"):
        command = case.commands.get(label)
        if command:
            rows.append(f"| {label} | {seconds(command.fit_median)} | the peer's `fit-seconds` "
                        f"(second of two fits), median of {len(command.fit_seconds)} runs |")
    return rows


def verdict(value, limit, strict=False):
    if value is None:
        return "not measured"
    ok = value < limit if strict else value <= limit
    return "**pass**" if ok else "**FAIL**"


def floors(cases):
    """Every performance floor as (floor, measured, limit, verdict)."""
    rows = []

    def case_ok(name):
        case = cases.get(name)
        return case if case is not None and case.status == "ok" else None

    def wall_ratio(case, peer_label=None):
        if case is None or case.glmviz is None:
            return None
        peer = case.commands.get(peer_label) if peer_label else case.peer
        return ratio(case.glmviz.wall_median, peer.wall_median) if peer else None

    case = case_ok("simple-regression")
    wall = wall_ratio(case)
    rss = ratio(case.glmviz.rss_median, case.peer.rss_median) if case and case.glmviz and case.peer else None
    rows.append(("`glmviz lesson simple-regression`: wall vs matplotlib + statsmodels", show_ratio(wall),
                 "≤ 1/20 (0.050)", verdict(wall, 1 / 20)))
    rows.append(("`glmviz lesson simple-regression`: peak RSS vs the same script", show_ratio(rss),
                 "≤ 1/5 (0.200)", verdict(rss, 1 / 5)))

    wall = wall_ratio(case_ok("all-lessons"))
    rows.append(("`glmviz lesson --all`: wall vs one Python process", show_ratio(wall), "≤ 1/8 (0.125)",
                 verdict(wall, 1 / 8)))

    case = case_ok("fit-1e6")
    wall = wall_ratio(case, "statsmodels")
    rows.append(("`glmviz fit` 10⁶ × 11, whole process vs pandas + statsmodels", show_ratio(wall),
                 "≤ 1/2 (0.500)", verdict(wall, 1 / 2)))
    numpy = case.commands.get("numpy") if case else None
    fit = ratio(case.glmviz_fit_seconds, numpy.fit_median) if case and numpy else None
    rows.append(("fit itself (after parsing) vs numpy `lstsq` + SE", show_ratio(fit), "≤ 1.2", verdict(fit, 1.2)))
    if case and case.design and case.glmviz:
        n, p = case.design
        design_bytes = 8 * n * p
        rss = ratio(case.glmviz.rss_median, design_bytes)
        rows.append((f"`glmviz fit` peak RSS vs the design matrix ({mebibytes(design_bytes)})",
                     show_ratio(rss), "≤ 3", verdict(rss, 3)))
    else:
        rows.append(("`glmviz fit` peak RSS vs the design matrix (8·n·p bytes)", "—", "≤ 3", "not measured"))

    wall = wall_ratio(case_ok("scatter-1e6"))
    rows.append(("10⁶-point scatter to PNG: wall vs matplotlib", show_ratio(wall), "≤ 1/4 (0.250)",
                 verdict(wall, 1 / 4)))

    case = case_ok("fmri-fit-core")
    numpy = case.commands.get("numpy") if case else None
    fit = ratio(case.glmviz.fit_median, numpy.fit_median) if case and case.glmviz and numpy else None
    rows.append(("`glmviz fmri fit` fit itself vs numpy `pinv(X) @ Y` + t (float32), 10⁵ voxels",
                 show_ratio(fit), "≤ 1", verdict(fit, 1)))
    case = case_ok("fmri-fit-1e5")
    wall = wall_ratio(case, "nilearn")
    rows.append(("`glmviz fmri fit` whole command vs nilearn FirstLevelModel script", show_ratio(wall),
                 "≤ 1/5 (0.200)", verdict(wall, 1 / 5)))
    if case and case.volume and case.glmviz:
        voxels, scans = case.volume
        data_bytes = 4 * voxels * scans
        rss = ratio(case.glmviz.rss_median, data_bytes)
        rows.append((f"`glmviz fmri fit` peak RSS vs the data in float32 ({mebibytes(data_bytes)})",
                     show_ratio(rss), "≤ 2", verdict(rss, 2)))
    else:
        rows.append(("`glmviz fmri fit` peak RSS vs the data in float32", "—", "≤ 2", "not measured"))

    case = case_ok("startup")
    start = case.glmviz.wall_median if case and case.glmviz else None
    rows.append(("`glmviz --version` start-up", seconds(start), "< 20 ms", verdict(start, 0.020, strict=True)))
    return rows


def busy_warning(raw: pathlib.Path):
    """A warning when other work shared the cores: the ratios are then only provisional."""
    loads = [float((raw / name).read_text().split()[0]) for name in ("loadavg-start", "loadavg-end")]
    cores = os.cpu_count() or 1
    if max(loads) <= 0.5 * cores:
        return []
    return [f"> **Busy machine:** the 1-minute load average was {max(loads):.2f} on {cores} cores "
            "during this run, so other work shared the cores. Treat these numbers as provisional "
            "and repeat the run on a quiet machine.", ""]


def write(args):
    raw = pathlib.Path(args.raw)
    cases = read_cases(raw)
    lines = ["# glmviz benchmark results", "",
             f"Produced by `{args.invocation.strip()}`: every command once per round, glmviz and its "
             f"peers taking turns, {args.runs} rounds after {args.warmup} warm-up run(s) of each; "
             "wall time by hyperfine, peak RSS by GNU `time -v`, both medians over the rounds. "
             "Ratios are glmviz ÷ peer, so smaller is better for glmviz. "
             "See bench/README.md for what each case compares.", ""]
    lines += busy_warning(raw)
    lines += ["## Machine", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in machine_facts(args.glmviz, args.python, raw)]
    lines += ["", "## Results", ""] + results_table(cases)
    failures = [f"- {name}: {line}" for name, case in cases.items() for line in case.failures]
    if failures:
        lines += ["", "## Failures during the run", "",
                  "Each round below crashed or failed and was run again; a crash of glmviz is a bug to "
                  "fix before any ratio counts (GNU time names the command; hyperfine does not).", ""]
        lines += failures
    fit_case = cases.get("fit-1e6")
    if fit_case is not None and fit_case.status == "ok":
        lines += ["", "## The fit itself", ""] + fit_itself_table(fit_case)
    lines += ["", "## Floors", "", "| floor | measured | limit | result |", "|---|---:|---:|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in floors(cases)]
    not_run = [f"- {name} ({CASE_TITLES.get(name, name)}): {case.status}"
               for name, case in cases.items() if case.status != "ok"]
    not_run += [f"- {name}, {label}: failed its untimed first try and was left out: `{reason}`"
                for name, case in cases.items() for label, _, reason in case.failed]
    if not_run:
        lines += ["", "## Not measured", ""] + not_run
    lines += ["", "## Commands", ""]
    repo_prefix = str(pathlib.Path(__file__).resolve().parents[1]) + "/"
    for case in cases.values():
        every = [(c.label, c.command) for c in case.commands.values()] + [(f[0], f[1]) for f in case.failed]
        for label, command in every:
            readable = shlex.join(shlex.split(command)).replace(repo_prefix, "")
            lines.append(f"- {case.name}, {label}: `{readable}`")
    output = pathlib.Path(args.out)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description="Write bench/RESULTS.md from bench/run's raw measurements.")
    parser.add_argument("--raw", required=True)
    parser.add_argument("--glmviz", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--runs", required=True)
    parser.add_argument("--warmup", required=True)
    parser.add_argument("--invocation", required=True)
    parser.add_argument("--out", required=True)
    write(parser.parse_args())


if __name__ == "__main__":
    main()
