package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// deploy is the repository's deploy/: the scheduler files the tests run.
const deploy = "../../deploy"

// deployFlags are the flags the deploy tests give learn and every shard
// alike: one with a space and a '#' in its value, so that the scripts'
// quoting is tested too.
var deployFlags = []string{"-split", "### "}

// deployCorpus fills dir with the seeds, the sample reports and five days
// of news transcripts (split per item by deployFlags), and returns the
// three roots.
func deployCorpus(t *testing.T, dir string) []string {
	t.Helper()
	roots := []string{filepath.Join(dir, "seeds"), filepath.Join(dir, "reports"), filepath.Join(dir, "xwlb")}
	copyTree(t, sharedCorpus(t, "seeds"), roots[0], nil)
	copyTree(t, sample, roots[1], nil)
	copyTree(t, sharedCorpus(t, "xwlb"), roots[2], func(name string, i int) bool {
		return strings.HasSuffix(name, ".md") && i%300 == 0
	})
	return roots
}

// pathWithBaogao returns a directory holding baogao (the binary TestMain
// built), to put first on PATH as a cluster's module or image would.
func pathWithBaogao(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Symlink(bin, filepath.Join(dir, "baogao")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// schedulerEnv returns this process's environment without what a
// scheduler or the scripts set (SLURM_*, JOB_COMPLETION_INDEX, the
// scripts' BAOGAO_ variables), with PATH starting at binDir, and extra
// added.
func schedulerEnv(binDir string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "SLURM_"), k == "JOB_COMPLETION_INDEX",
			slices.Contains([]string{"BAOGAO", "BAOGAO_OUT", "BAOGAO_SHARDS", "BAOGAO_LEXICON", "BAOGAO_MERGED", "BAOGAO_CORPUS"}, k):
		case k == "PATH":
			env = append(env, "PATH="+binDir+string(os.PathListSeparator)+v)
		default:
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// command runs argv in dir with exactly env.
func command(t *testing.T, dir string, env []string, argv ...string) result {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir, cmd.Env = dir, env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return result{ee.ExitCode(), out.String(), errb.String()}
	} else if err != nil {
		t.Fatalf("%v: %v", argv, err)
	}
	return result{0, out.String(), errb.String()}
}

// sbatchJob is one submission recorded by the sbatch of TestSlurmArray.
type sbatchJob struct {
	opts   map[string]string // --name=value, and --name alone as ""
	script string
	args   []string
	env    []string // what the job would get: the submitting environment
}

// sbatchStub stands in for sbatch, which needs a cluster: it records its
// arguments and the environment it would hand the job (--export=ALL), and
// answers as sbatch --parsable does on a federation, "id;cluster". The
// test then runs each job as Slurm would.
const sbatchStub = `#!/usr/bin/env bash
set -euo pipefail
n=$(($(find "$SBATCH_LOG" -name '*.args' | wc -l) + 1))
printf '%s\0' "$@" >"$SBATCH_LOG/$n.args"
env -0 >"$SBATCH_LOG/$n.env"
echo "$n;test"
`

func readSbatchJobs(t *testing.T, log string) []sbatchJob {
	t.Helper()
	var jobs []sbatchJob
	for n := 1; ; n++ {
		a, err := os.ReadFile(filepath.Join(log, fmt.Sprintf("%d.args", n)))
		if errors.Is(err, os.ErrNotExist) {
			return jobs
		}
		e, err2 := os.ReadFile(filepath.Join(log, fmt.Sprintf("%d.env", n)))
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		args := strings.Split(strings.TrimSuffix(string(a), "\x00"), "\x00")
		j := sbatchJob{opts: map[string]string{}, env: strings.Split(strings.TrimSuffix(string(e), "\x00"), "\x00")}
		for len(args) > 0 && strings.HasPrefix(args[0], "--") {
			k, v, _ := strings.Cut(strings.TrimPrefix(args[0], "--"), "=")
			j.opts[k] = v
			args = args[1:]
		}
		if len(args) == 0 {
			t.Fatalf("sbatch call %d names no script", n)
		}
		j.script, j.args = args[0], args[1:]
		jobs = append(jobs, j)
	}
}

// runSbatchJob runs a job's script as slurmd does: a copy of it, named
// slurm_script in a spool directory, with the submitting environment and
// the job's SLURM_ variables, in the directory it was submitted from.
func runSbatchJob(t *testing.T, j sbatchJob, cwd string, slurm ...string) result {
	t.Helper()
	b, err := os.ReadFile(j.script)
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "slurm_script")
	if err := os.WriteFile(script, b, 0o700); err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, kv := range j.env {
		if !strings.HasPrefix(kv, "SLURM_") {
			env = append(env, kv)
		}
	}
	return command(t, cwd, append(env, slurm...), append([]string{"bash", script}, j.args...)...)
}

// TestSlurmArray submits a run with deploy/slurm/submit.sh to an sbatch
// that records the three jobs, checks their dependencies and array, runs
// them as Slurm would (learn, the array's tasks 0-2, merge) with bash, and
// compares the merged output with a single run of the same corpus: the
// same rows in every table and the same search hits. Then what the
// scripts refuse, and the exit statuses they pass on.
func TestSlurmArray(t *testing.T) {
	tmp := t.TempDir()
	roots := deployCorpus(t, filepath.Join(tmp, "corpus"))
	binDir := pathWithBaogao(t)
	log := filepath.Join(tmp, "sbatch")
	if err := os.MkdirAll(log, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(binDir, "sbatch"), sbatchStub)
	if err := os.Chmod(filepath.Join(binDir, "sbatch"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "out")
	slurmDir, err := filepath.Abs(filepath.Join(deploy, "slurm"))
	if err != nil {
		t.Fatal(err)
	}
	env := schedulerEnv(binDir, "SBATCH_LOG="+log, "BAOGAO_OUT="+out)

	// submit.sh refuses to submit without the number of shards.
	submit := append(append([]string{"bash", filepath.Join(slurmDir, "submit.sh")}, deployFlags...), roots...)
	if r := command(t, tmp, env, submit...); r.code != 2 || !strings.Contains(r.stderr, "BAOGAO_SHARDS") {
		t.Fatalf("submit.sh without BAOGAO_SHARDS: exit %d, %q; want 2 naming it", r.code, r.stderr)
	}
	r := command(t, tmp, append(env, "BAOGAO_SHARDS=3"), submit...)
	if r.code != 0 || r.stdout != "1\n2\n3\n" {
		t.Fatalf("submit.sh: exit %d, printed %q\n%s", r.code, r.stdout, r.stderr)
	}
	jobs := readSbatchJobs(t, log)
	if len(jobs) != 3 {
		t.Fatalf("submit.sh called sbatch %d times; want 3 (learn, array, merge)", len(jobs))
	}
	want := append(slices.Clone(deployFlags), roots...)
	for i, w := range []struct {
		script, array, dependency string
		args                      []string
	}{
		{"baogao-learn.sbatch", "", "", want},
		{"baogao-array.sbatch", "0-2", "afterok:1", want},
		{"baogao-merge.sbatch", "", "afterok:2", nil},
	} {
		j := jobs[i]
		if filepath.Base(j.script) != w.script || j.opts["array"] != w.array || j.opts["dependency"] != w.dependency || !slices.Equal(j.args, w.args) {
			t.Errorf("sbatch call %d: %s %v %q; want %s --array=%q --dependency=%q %q", i+1, filepath.Base(j.script), j.opts, j.args, w.script, w.array, w.dependency, w.args)
		}
		if _, ok := j.opts["parsable"]; !ok {
			t.Errorf("sbatch call %d without --parsable: %v", i+1, j.opts)
		}
		if !slices.Contains(j.env, "BAOGAO_OUT="+out) || !slices.Contains(j.env, "BAOGAO_SHARDS=3") {
			t.Errorf("sbatch call %d: the job would not get BAOGAO_OUT and BAOGAO_SHARDS", i+1)
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	if r := runSbatchJob(t, jobs[0], tmp, "SLURM_JOB_ID=1"); r.code != 0 {
		t.Fatalf("learn job: exit %d\n%s", r.code, r.stderr)
	}
	for i := range 3 {
		slurm := []string{"SLURM_JOB_ID=" + strconv.Itoa(2+i), "SLURM_ARRAY_JOB_ID=2", "SLURM_ARRAY_TASK_ID=" + strconv.Itoa(i),
			"SLURM_ARRAY_TASK_MIN=0", "SLURM_ARRAY_TASK_MAX=2", "SLURM_ARRAY_TASK_STEP=1"}
		if i < 2 {
			// Slurm sets the count too; without it the script takes max+1.
			slurm = append(slurm, "SLURM_ARRAY_TASK_COUNT=3")
		}
		if r := runSbatchJob(t, jobs[1], tmp, slurm...); r.code != 0 {
			t.Fatalf("array task %d: exit %d\n%s", i, r.code, r.stderr)
		}
	}
	if r := runSbatchJob(t, jobs[2], tmp, "SLURM_JOB_ID=5"); r.code != 0 {
		t.Fatalf("merge job: exit %d\n%s", r.code, r.stderr)
	}
	single := filepath.Join(tmp, "single")
	run2(t, append(append([]string{"-out", single, "-learn=false", "-lexicon", filepath.Join(out, "lexicon.tsv")}, deployFlags...), roots...)...)
	sameOutputs(t, filepath.Join(out, "merged"), single)

	// What the scripts refuse, before running baogao, and how.
	learnJob, arrayJob, mergeJob := jobs[0], jobs[1], jobs[2]
	task := func(j sbatchJob, extra ...string) result {
		j.env = slices.DeleteFunc(slices.Clone(j.env), func(kv string) bool {
			return strings.HasPrefix(kv, "BAOGAO_OUT=") || strings.HasPrefix(kv, "BAOGAO_SHARDS=")
		})
		return runSbatchJob(t, j, tmp, extra...)
	}
	outEnv := "BAOGAO_OUT=" + out
	for _, c := range []struct {
		name string
		job  sbatchJob
		env  []string
		says string
	}{
		{"no BAOGAO_OUT", arrayJob, []string{"SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_COUNT=3"}, "BAOGAO_OUT is not set"},
		{"no array", arrayJob, []string{outEnv}, "SLURM_ARRAY_TASK_ID is not set"},
		{"no size", arrayJob, []string{outEnv, "SLURM_ARRAY_TASK_ID=0"}, "BAOGAO_SHARDS"},
		{"step", arrayJob, []string{outEnv, "SLURM_ARRAY_TASK_ID=2", "SLURM_ARRAY_TASK_MIN=0", "SLURM_ARRAY_TASK_MAX=4", "SLURM_ARRAY_TASK_COUNT=3"}, "must be 0-2 without gaps"},
		{"not from 0", arrayJob, []string{outEnv, "SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=3"}, "must be 0-3 without gaps"},
		{"past n", arrayJob, []string{outEnv, "SLURM_ARRAY_TASK_ID=3", "BAOGAO_SHARDS=3"}, "0 ≤ SLURM_ARRAY_TASK_ID < 3"},
		{"not a number", arrayJob, []string{outEnv, "SLURM_ARRAY_TASK_ID=1;id", "BAOGAO_SHARDS=3"}, "not a number"},
		{"no lexicon", arrayJob, []string{"BAOGAO_OUT=" + filepath.Join(tmp, "empty"), "SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_COUNT=3"}, "no lexicon at"},
		{"merge, no BAOGAO_SHARDS", mergeJob, []string{outEnv}, "BAOGAO_SHARDS is ''"},
		{"learn, no BAOGAO_OUT", learnJob, nil, "BAOGAO_OUT is not set"},
	} {
		if r := task(c.job, c.env...); r.code != 2 || !strings.Contains(r.stderr, c.says) {
			t.Errorf("%s: exit %d, %q; want 2 saying %q", c.name, r.code, r.stderr, c.says)
		}
	}

	// Redoing shard 1 of 3 alone: --array=1 and BAOGAO_SHARDS. A shard
	// that finished with problems (exit 3, outputs published) is a task
	// that succeeded, so that the merge runs; baogao's failures fail the
	// task with baogao's status.
	redo := []string{"BAOGAO_OUT=" + filepath.Join(tmp, "redo"), "BAOGAO_LEXICON=" + filepath.Join(out, "lexicon.tsv"), "BAOGAO_SHARDS=3", "SLURM_ARRAY_TASK_ID=1"}
	if r := task(arrayJob, append(redo, "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=1", "SLURM_ARRAY_TASK_COUNT=1")...); r.code != 0 {
		t.Fatalf("shard 1/3 redone alone: exit %d\n%s", r.code, r.stderr)
	}
	problems := arrayJob
	problems.args = append([]string{"-max-size", "2000"}, arrayJob.args...)
	if r := task(problems, redo...); r.code != 0 || !strings.Contains(r.stderr, "shard 1/3 finished with problems") {
		t.Errorf("shard with problems (-max-size 2000): exit %d, %q; want 0 saying so", r.code, r.stderr)
	}
	nothing := arrayJob
	nothing.args = append([]string{"-max-size", "1"}, arrayJob.args...)
	if r := task(nothing, redo...); r.code != exitFatal || !strings.Contains(r.stderr, "nothing was published") {
		t.Errorf("shard whose every file is too large: exit %d; want baogao's %d\n%s", r.code, exitFatal, r.stderr)
	}
}

// k8sJob is what TestIndexedJob reads of a Job manifest.
type k8sJob struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    *int   `yaml:"completions"`
		Parallelism    *int   `yaml:"parallelism"`
		Template       struct {
			Spec struct {
				RestartPolicy string `yaml:"restartPolicy"`
				Containers    []struct {
					Command []string `yaml:"command"`
					Args    []string `yaml:"args"`
					Env     []struct {
						Name  string `yaml:"name"`
						Value string `yaml:"value"`
					} `yaml:"env"`
					Resources struct {
						Requests map[string]string `yaml:"requests"`
						Limits   map[string]string `yaml:"limits"`
					} `yaml:"resources"`
					VolumeMounts []struct {
						Name      string `yaml:"name"`
						MountPath string `yaml:"mountPath"`
						ReadOnly  bool   `yaml:"readOnly"`
					} `yaml:"volumeMounts"`
				} `yaml:"containers"`
				Volumes []struct {
					Name                  string `yaml:"name"`
					PersistentVolumeClaim *struct {
						ClaimName string `yaml:"claimName"`
						ReadOnly  bool   `yaml:"readOnly"`
					} `yaml:"persistentVolumeClaim"`
				} `yaml:"volumes"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

// k8sFiles are deploy/k8s's manifests: the volumes and the three Jobs.
var k8sFiles = []string{"baogao-volumes.yaml", "baogao-learn-job.yaml", "baogao-indexed-job.yaml", "baogao-merge-job.yaml"}

func readK8sJob(t *testing.T, name string) k8sJob {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(deploy, "k8s", name))
	if err != nil {
		t.Fatal(err)
	}
	var j k8sJob
	if err := yaml.Unmarshal(b, &j); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if j.APIVersion != "batch/v1" || j.Kind != "Job" || len(j.Spec.Template.Spec.Containers) != 1 {
		t.Fatalf("%s: %s %s with %d containers; want a batch/v1 Job with one", name, j.APIVersion, j.Kind, len(j.Spec.Template.Spec.Containers))
	}
	return j
}

// runK8sJob runs the container of a Job as the kubelet would, on this
// machine: its command and args, with exactly the container's environment
// (and a PATH and HOME), each volume a directory of vols by volume name.
// The environment carries the paths: a variable whose value is a mount
// path gets the volume's directory instead, and the command must name no
// mount path itself. extraArgs are added to args, as a user would add
// flags; extraEnv is what Kubernetes adds, JOB_COMPLETION_INDEX.
func runK8sJob(t *testing.T, name string, j k8sJob, vols map[string]string, binDir string, extraArgs []string, extraEnv ...string) result {
	t.Helper()
	c := j.Spec.Template.Spec.Containers[0]
	argv := append(append(slices.Clone(c.Command), c.Args...), extraArgs...)
	if len(c.Command) != 3 || c.Command[0] != "sh" || c.Command[1] != "-c" {
		t.Fatalf("%s: command %q; want sh -c SCRIPT", name, c.Command)
	}
	// The kubelet replaces $(NAME) in command and args by the variable
	// NAME and $$ by $: with neither in them (arithmetic $((…)) names no
	// variable) they reach sh as written, as here.
	for _, a := range argv {
		if strings.Contains(strings.ReplaceAll(a, "$((", ""), "$(") || strings.Contains(a, "$$") {
			t.Fatalf("%s: %q holds $(…) or $$, which the kubelet would expand", name, a)
		}
	}
	mounts := map[string]string{}
	for _, m := range c.VolumeMounts {
		dir, ok := vols[m.Name]
		if !ok {
			t.Fatalf("%s: mounts volume %s, which the test has no directory for", name, m.Name)
		}
		mounts[m.MountPath] = dir
		if strings.Contains(c.Command[2], m.MountPath) {
			t.Errorf("%s: the command names the mount path %s; take it from the environment", name, m.MountPath)
		}
	}
	env := []string{"PATH=" + binDir + string(os.PathListSeparator) + os.Getenv("PATH")}
	for _, k := range hostEnv {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	for _, e := range c.Env {
		v := e.Value
		if dir, ok := mounts[v]; ok {
			v = dir
		}
		env = append(env, e.Name+"="+v)
	}
	return command(t, t.TempDir(), append(env, extraEnv...), argv...)
}

// hostEnv are the variables of this process a container run gets: where
// the dictionaries are and are unpacked (the image has its own), as the
// runs in process see them.
var hostEnv = []string{"HOME", "XDG_CACHE_HOME", "TMPDIR", "BAOGAO_DICT_DIR"}

// TestIndexedJob reads deploy/k8s's Jobs, checks the Indexed Job's shape
// (completions as the shard count everywhere, parallelism, memory,
// read-only corpus, one out volume for all), runs the learn Job's command,
// the Indexed Job's for every JOB_COMPLETION_INDEX, and the merge Job's
// with the volumes as directories, and compares the merged output with a
// single run: the same rows in every table and the same search hits.
// Then the manifests are validated against the Kubernetes API's schemas
// (kubernetes-validate, BAOGAO_KUBERNETES_VALIDATE), and the scripts are
// checked with shellcheck.
func TestIndexedJob(t *testing.T) {
	learn, shards, merge := readK8sJob(t, "baogao-learn-job.yaml"), readK8sJob(t, "baogao-indexed-job.yaml"), readK8sJob(t, "baogao-merge-job.yaml")
	s := shards.Spec
	if s.CompletionMode != "Indexed" || s.Completions == nil || s.Parallelism == nil || *s.Completions < 2 || *s.Parallelism < 1 {
		t.Fatalf("shards Job: completionMode %q, completions %v, parallelism %v; want Indexed with both set", s.CompletionMode, s.Completions, s.Parallelism)
	}
	n := *s.Completions
	env := func(j k8sJob, name string) string {
		for _, e := range j.Spec.Template.Spec.Containers[0].Env {
			if e.Name == name {
				return e.Value
			}
		}
		return ""
	}
	for _, j := range []k8sJob{shards, merge} {
		if env(j, "BAOGAO_SHARDS") != strconv.Itoa(n) {
			t.Errorf("%s: BAOGAO_SHARDS %q; want the completions, %d", j.Metadata.Name, env(j, "BAOGAO_SHARDS"), n)
		}
	}
	for _, j := range []k8sJob{learn, shards, merge} {
		ps := j.Spec.Template.Spec
		c := ps.Containers[0]
		if ps.RestartPolicy != "Never" || c.Resources.Requests["memory"] != "1Gi" || c.Resources.Limits["memory"] == "" {
			t.Errorf("%s: restartPolicy %q, memory %v / %v; want Never, a 1Gi request and a limit", j.Metadata.Name, ps.RestartPolicy, c.Resources.Requests, c.Resources.Limits)
		}
		claims := map[string]string{}
		for _, v := range ps.Volumes {
			if v.PersistentVolumeClaim == nil {
				t.Fatalf("%s: volume %s is no PersistentVolumeClaim", j.Metadata.Name, v.Name)
			}
			claims[v.Name] = v.PersistentVolumeClaim.ClaimName
			if (v.Name == "corpus") != v.PersistentVolumeClaim.ReadOnly {
				t.Errorf("%s: claim of volume %s readOnly %v; want the corpus alone read-only", j.Metadata.Name, v.Name, v.PersistentVolumeClaim.ReadOnly)
			}
		}
		for _, m := range c.VolumeMounts {
			if (m.Name == "corpus") != m.ReadOnly {
				t.Errorf("%s: mount of %s readOnly %v; want the corpus alone read-only", j.Metadata.Name, m.Name, m.ReadOnly)
			}
		}
		if claims["out"] != "baogao-out" || (j.Metadata.Name != "baogao-merge" && claims["corpus"] != "baogao-corpus") {
			t.Errorf("%s: claims %v; want out: baogao-out and corpus: baogao-corpus", j.Metadata.Name, claims)
		}
	}
	// learn and the shards must read the corpus alike.
	if la, sa := learn.Spec.Template.Spec.Containers[0].Args, shards.Spec.Template.Spec.Containers[0].Args; !slices.Equal(la[min(1, len(la)):], sa[min(1, len(sa)):]) {
		t.Errorf("flags of learn %q and of the shards %q differ", la, sa)
	}
	if t.Failed() {
		t.FailNow()
	}

	tmp := t.TempDir()
	vols := map[string]string{"corpus": filepath.Join(tmp, "corpus"), "out": filepath.Join(tmp, "out")}
	deployCorpus(t, vols["corpus"])
	if err := os.MkdirAll(vols["out"], 0o755); err != nil {
		t.Fatal(err)
	}
	binDir := pathWithBaogao(t)
	if r := runK8sJob(t, "learn", learn, vols, binDir, deployFlags); r.code != 0 {
		t.Fatalf("learn Job: exit %d\n%s", r.code, r.stderr)
	}
	for i := range n {
		if r := runK8sJob(t, "shards", shards, vols, binDir, deployFlags, "JOB_COMPLETION_INDEX="+strconv.Itoa(i)); r.code != 0 {
			t.Fatalf("shards Job, index %d: exit %d\n%s", i, r.code, r.stderr)
		}
	}
	if r := runK8sJob(t, "merge", merge, vols, binDir, nil); r.code != 0 {
		t.Fatalf("merge Job: exit %d\n%s", r.code, r.stderr)
	}
	single := filepath.Join(tmp, "single")
	run2(t, append(append([]string{"-out", single, "-learn=false", "-lexicon", filepath.Join(vols["out"], "lexicon.tsv")}, deployFlags...), vols["corpus"])...)
	sameOutputs(t, filepath.Join(vols["out"], "merged"), single)

	// A shard's failure fails its pod; problems (exit 3) do not.
	if r := runK8sJob(t, "shards", shards, vols, binDir, []string{"-max-size", "2000"}, "JOB_COMPLETION_INDEX=0"); r.code != 0 || !strings.Contains(r.stderr, "finished with problems") {
		t.Errorf("shard with problems (-max-size 2000): exit %d, %q; want 0 saying so", r.code, r.stderr)
	}
	if r := runK8sJob(t, "shards", shards, vols, binDir, []string{"-max-size", "1"}, "JOB_COMPLETION_INDEX=0"); r.code != exitFatal || !strings.Contains(r.stderr, "nothing was published") {
		t.Errorf("shard whose every file is too large: exit %d; want baogao's %d\n%s", r.code, exitFatal, r.stderr)
	}

	t.Run("schema", func(t *testing.T) {
		validate := os.Getenv("BAOGAO_KUBERNETES_VALIDATE")
		if validate == "" {
			missing(t, "BAOGAO_REQUIRE_DEPLOY_TOOLS", "BAOGAO_KUBERNETES_VALIDATE not set: python3 -m venv DIR && DIR/bin/pip install -r deploy/requirements.txt, then BAOGAO_KUBERNETES_VALIDATE=DIR/bin/kubernetes-validate (.ci/run does)")
		}
		var files []string
		for _, f := range k8sFiles {
			files = append(files, filepath.Join(deploy, "k8s", f))
		}
		// The oldest Kubernetes with backoffLimitPerIndex, and the newest
		// the validator knows; --strict rejects fields the API lacks.
		for _, version := range [][]string{{"-k", "1.29.0"}, nil} {
			args := append(append([]string{validate, "--strict"}, version...), files...)
			if r := command(t, ".", os.Environ(), args...); r.code != 0 {
				t.Errorf("%v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
			}
		}
		// ... and it would say so: a misspelt field.
		b, err := os.ReadFile(filepath.Join(deploy, "k8s", "baogao-indexed-job.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		bad := filepath.Join(t.TempDir(), "bad.yaml")
		writeFile(t, bad, strings.Replace(string(b), "completionMode:", "completionmode:", 1))
		if r := command(t, ".", os.Environ(), validate, "--strict", bad); r.code == 0 || !strings.Contains(r.stdout+r.stderr, "completionmode") {
			t.Errorf("kubernetes-validate passed a Job with completionmode: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	})

	t.Run("shellcheck", func(t *testing.T) {
		sc, err := exec.LookPath("shellcheck")
		if err != nil {
			missing(t, "BAOGAO_REQUIRE_DEPLOY_TOOLS", "shellcheck not installed (Debian: apt-get install shellcheck)")
		}
		scripts, _ := filepath.Glob(filepath.Join(deploy, "slurm", "*"))
		if r := command(t, ".", os.Environ(), append([]string{sc, "--shell=bash"}, scripts...)...); r.code != 0 {
			t.Errorf("shellcheck %v:\n%s%s", scripts, r.stdout, r.stderr)
		}
		for name, j := range map[string]k8sJob{"learn": learn, "shards": shards, "merge": merge} {
			f := filepath.Join(t.TempDir(), name+".sh")
			writeFile(t, f, j.Spec.Template.Spec.Containers[0].Command[2])
			if r := command(t, ".", os.Environ(), sc, "--shell=sh", f); r.code != 0 {
				t.Errorf("shellcheck of the %s Job's command:\n%s%s", name, r.stdout, r.stderr)
			}
		}
	})
}
