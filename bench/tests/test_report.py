"""Checks bench/report.py on a hand-made raw folder: medians over rounds, the ratios,
each floor's verdict, and that a left-out command or skipped case is reported rather
than silently passing. Run: python3 -m unittest discover -s bench/tests"""

import json
import pathlib
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
import report  # noqa: E402

MIB = 1024 * 1024


def hyperfine_round(folder, round_number, times):
    """One round's hyperfine export: each label ran once."""
    results = [{"command": label, "times": [seconds]} for label, seconds in times.items()]
    (folder / f"time-{round_number}.json").write_text(json.dumps({"results": results}))


def time_report(folder, label, round_number, rss_kib, stderr=""):
    prefix = folder / f"memory-{label}-{round_number}"
    prefix.with_suffix(".time").write_text(
        f'\tCommand being timed: "{label}"\n\tMaximum resident set size (kbytes): {rss_kib}\n')
    prefix.with_suffix(".stderr").write_text(stderr)


class ReportTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.raw = pathlib.Path(self.tmp.name)
        (self.raw / "loadavg-start").write_text("0.10 0.20 0.30 1/100 1\n")
        (self.raw / "loadavg-end").write_text("0.40 0.50 0.60 1/100 1\n")

    def tearDown(self):
        self.tmp.cleanup()

    def add_case(self, name, commands, walls, rss_kib, stderr=None):
        folder = self.raw / name
        folder.mkdir()
        (folder / "status").write_text("ok\n")
        (folder / "commands.tsv").write_text("".join(f"{label}\t{label} --run \n" for label in commands))
        for round_number, times in enumerate(zip(*(walls[label] for label in commands)), start=1):
            hyperfine_round(folder, round_number, dict(zip(commands, times)))
            for label in commands:
                text = (stderr or {}).get(label, [""] * len(walls[label]))[round_number - 1]
                time_report(folder, label, round_number, rss_kib[label][round_number - 1], text)
        return folder

    def floor(self, name_start):
        rows = report.floors(report.read_cases(self.raw))
        return next(row for row in rows if row[0].startswith(name_start))

    def test_medians_and_ratios_of_one_lesson(self):
        self.add_case("simple-regression", ["glmviz", "matplotlib"],
                      {"glmviz": [0.09, 0.30, 0.10], "matplotlib": [2.0, 2.2, 2.1]},
                      {"glmviz": [30 * 1024, 31 * 1024, 29 * 1024], "matplotlib": [200 * 1024] * 3})
        case = report.read_cases(self.raw)["simple-regression"]
        self.assertAlmostEqual(case.glmviz.wall_median, 0.10)
        self.assertAlmostEqual(case.peer.wall_median, 2.1)
        self.assertEqual(case.glmviz.rss_median, 30 * MIB)
        wall = self.floor("`glmviz lesson simple-regression`: wall")
        self.assertEqual(wall[1], "0.048")
        self.assertEqual(wall[3], "**pass**")
        memory = self.floor("`glmviz lesson simple-regression`: peak RSS")
        self.assertEqual(memory[1], "0.150")
        self.assertEqual(memory[3], "**pass**")

    def test_fit_floors_use_statsmodels_for_wall_numpy_for_fit_and_the_design_for_memory(self):
        folder = self.add_case(
            "fit-1e6", ["glmviz", "statsmodels", "numpy"],
            {"glmviz": [1.0, 1.1], "statsmodels": [3.0, 3.0], "numpy": [1.5, 1.5]},
            {"glmviz": [300 * 1024] * 2, "statsmodels": [600 * 1024] * 2, "numpy": [400 * 1024] * 2},
            stderr={"statsmodels": ["fit-seconds: 0.4\n"] * 2,
                    "numpy": ["fit-seconds: 0.20\n", "fit-seconds: 0.10\n"]})
        (folder / "design").write_text("1000000 11\n")
        (folder / "glmviz-accuracy-timing.txt").write_text(
            "Fit with inference, n = 1000000, p = 11: 162.0 ms\n")
        self.assertEqual(self.floor("`glmviz fit` 10⁶ × 11, whole")[1], "0.350")
        fit = self.floor("fit itself")
        self.assertEqual(fit[1], "1.080")  # 0.162 s ÷ median(0.20, 0.10) s
        self.assertEqual(fit[3], "**pass**")
        memory = self.floor("`glmviz fit` peak RSS")
        self.assertEqual(memory[1], f"{300 * MIB / 88e6:.3f}")
        self.assertEqual(memory[3], "**FAIL**")

    def test_glmviz_fit_timing_on_the_same_file_is_preferred_to_the_warm_figure(self):
        line = "timing: read 1000000 × 11 CSV {} s, design 1000000 × 11 0.050 s, fit {} s\n"
        folder = self.add_case(
            "fit-1e6", ["glmviz", "statsmodels", "numpy"],
            {"glmviz": [1.0, 1.0, 1.0], "statsmodels": [3.0] * 3, "numpy": [1.5] * 3},
            {"glmviz": [200 * 1024] * 3, "statsmodels": [600 * 1024] * 3, "numpy": [400 * 1024] * 3},
            stderr={"glmviz": [line.format(0.5, 0.3), line.format(0.6, 0.25), line.format(0.4, 0.2)],
                    "statsmodels": ["fit-seconds: 0.4"] * 3, "numpy": ["fit-seconds: 0.2"] * 3})
        (folder / "design").write_text("1000000 11\n")
        (folder / "glmviz-accuracy-timing.txt").write_text("Fit with inference, n = 1000000, p = 11: 100.0 ms\n")
        case = report.read_cases(self.raw)["fit-1e6"]
        self.assertAlmostEqual(case.glmviz.fit_median, 0.25)
        self.assertEqual(case.glmviz.read_seconds, [0.5, 0.6, 0.4])
        fit = self.floor("fit itself")
        self.assertEqual(fit[1], "1.250")
        self.assertEqual(fit[3], "**FAIL**")
        table = "\n".join(report.fit_itself_table(case))
        self.assertIn("reading the CSV took 500.0 ms", table)
        self.assertIn("| glmviz, warm | 100.0 ms |", table)

    def test_glmviz_timing_of_another_size_is_not_used(self):
        folder = self.add_case("fit-1e6", ["statsmodels", "numpy"],
                               {"statsmodels": [3.0], "numpy": [1.5]},
                               {"statsmodels": [600 * 1024], "numpy": [400 * 1024]},
                               stderr={"statsmodels": ["fit-seconds: 0.4"], "numpy": ["fit-seconds: 0.2"]})
        (folder / "design").write_text("1000000 11\n")
        (folder / "glmviz-accuracy-timing.txt").write_text("Fit with inference, n = 1000, p = 11: 1.0 ms\n")
        self.assertEqual(self.floor("fit itself")[3], "not measured")

    def test_left_out_glmviz_and_skipped_cases_are_not_measured_and_listed(self):
        folder = self.add_case("all-lessons", ["matplotlib"], {"matplotlib": [3.0]}, {"matplotlib": [250 * 1024]})
        (folder / "failed.tsv").write_text("glmviz\tglmviz lesson --all\tError: Unknown option '--all'\n")
        skipped = self.raw / "scatter-1e6"
        skipped.mkdir()
        (skipped / "status").write_text("skipped: no spec yet\n")
        self.assertEqual(self.floor("`glmviz lesson --all`")[3], "not measured")
        self.assertEqual(self.floor("10⁶-point scatter")[3], "not measured")
        output = self.raw / "RESULTS.md"
        report.write(type("Args", (), {
            "raw": str(self.raw), "glmviz": "/bin/true", "python": "/nonexistent", "runs": "1",
            "warmup": "0", "invocation": "bench/run --case all-lessons", "out": str(output)})())
        text = output.read_text()
        self.assertIn("all-lessons, glmviz: failed its untimed first try", text)
        self.assertIn("scatter-1e6 (10⁶-point scatter to PNG): skipped: no spec yet", text)
        self.assertIn("| all-lessons | matplotlib | 1 | 3.00 s |", text)
        self.assertNotIn("Failures during the run", text)
        self.assertNotIn("Busy machine", text)

    def test_crashed_rounds_are_listed(self):
        folder = self.add_case("all-lessons", ["glmviz", "matplotlib"], {"glmviz": [0.2], "matplotlib": [3.0]},
                               {"glmviz": [50 * 1024], "matplotlib": [250 * 1024]})
        (folder / "failures.txt").write_text("round 1, memory run: glmviz Command terminated by signal 11\n")
        output = self.raw / "RESULTS.md"
        report.write(type("Args", (), {
            "raw": str(self.raw), "glmviz": "/bin/true", "python": "/nonexistent", "runs": "1",
            "warmup": "0", "invocation": "bench/run", "out": str(output)})())
        self.assertIn("- all-lessons: round 1, memory run: glmviz Command terminated by signal 11",
                      output.read_text())

    def test_a_busy_machine_is_flagged(self):
        self.add_case("startup", ["glmviz"], {"glmviz": [0.015]}, {"glmviz": [20 * 1024]})
        (self.raw / "loadavg-end").write_text("7.50 3.00 1.00 1/100 1\n")
        self.assertIn("load average was 7.50", "".join(report.busy_warning(self.raw)))

    def test_start_up_floor_is_strict(self):
        self.add_case("startup", ["glmviz"], {"glmviz": [0.019, 0.020, 0.021]}, {"glmviz": [20 * 1024] * 3})
        self.assertEqual(self.floor("`glmviz --version`")[3], "**FAIL**")


if __name__ == "__main__":
    unittest.main()
