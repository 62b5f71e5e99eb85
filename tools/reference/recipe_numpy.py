#!/usr/bin/env python3
"""Reference implementation of fairreg's starting recipe (docs/recipe.md)
in plain numpy, with hand-written backpropagation and a Keras-style Adam.

It is the yardstick the Java trainer is tested against (see --fixture) and the
source of the reference figures in README.md beside this file.

Conventions (the Java trainer follows the same ones):

* data: train/val/test CSV with header x0..x9,y,g; features and target are
  parsed as float64 and cast once to the working dtype (--dtype); the target
  is used raw (no standardising).
* network: Dense(10->64, relu) -> Dense(64->64, relu) -> Dense(64->1);
  kernels shaped (in, out), y = x @ W + b; relu'(0) = 0.
* one generator: rng = np.random.RandomState(seed). First the kernels, input
  to output, Glorot uniform: limit = sqrt(6 / (in + out)),
  rng.uniform(-limit, limit, size=(in, out)) in float64 (row-major), cast to
  the working dtype; biases zero. Then each epoch: order =
  rng.permutation(n_train), batches = consecutive slices of 64 of order
  (a last partial batch when n_train is not a multiple of 64).
* per batch: r_i = f_i - y_i; per group k: n_k, S_k = sum r_i^2,
  e_k = S_k / n_k (e_k = 0 when the group is absent).
  gap: L = (e_0 - e_1)^2;  mse: L = (S_0 + S_1) / n.
  dL/df_i = 2 r_i dL/dS_k for i in group k.
* Adam as Keras computes it, t counted from 1 before the update:
  m += (g - m)(1 - b1); v += (g^2 - v)(1 - b2);
  alpha = lr sqrt(1 - b2^t) / (1 - b1^t); p -= alpha m / (sqrt(v) + eps).
  Every scalar (1 - b1, 1 - b2, alpha, eps) is computed in float64 and cast
  once to the working dtype; all array arithmetic is in the working dtype.
* epoch train loss = plain mean of the per-batch L (accumulated in float64).
* validation after each epoch: 'full' = L over the whole validation set at
  once; 'batch-mean' = plain (unweighted) mean of L over consecutive batches
  of 64 of the validation set in file order (the last one partial).
* early stopping: improvement iff the value is strictly below the best so far
  (the best starts at +inf); stop after `patience` consecutive epochs without
  improvement, or after max_epochs; then restore the weights of the best
  epoch, unless --no-restore (then the last epoch's weights are reported:
  "fixed N epochs" = --max-epochs N --patience N --no-restore).
  A non-finite train loss stops the run at once (best weights kept).
* test report: predictions in the working dtype, residuals cast to float64,
  MSE overall and per group, gap = max - min of the group MSEs.
* reported sums of weights are np.sum(..., dtype=float64) of the working-dtype
  arrays.

Timing: "seconds per epoch" covers the shuffle, the 125 training steps and
the selected validation loss (the other validation figure, printed for
information, is computed outside the timed region).
"""
import argparse
import gzip
import json
import os
import platform
import sys
import time

import numpy as np

HIDDEN = 64
BATCH = 64
LR = 1e-3
BETA1 = 0.9
BETA2 = 0.999
EPSILON = 1e-7

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_DATA = os.path.join(REPO, "core", "src", "test", "resources", "seed")


# ---------------------------------------------------------------- data

def load_split(data_dir, name, dtype):
    """Returns (X, y, g) of one split; X, y in `dtype`, g as int 0/1."""
    path = os.path.join(data_dir, name + ".csv")
    opener = open
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        path, opener = path + ".gz", gzip.open
    with opener(path, "rt") as fh:
        header = fh.readline().strip().split(",")
        raw = np.loadtxt(fh, delimiter=",", dtype=np.float64, ndmin=2)
    features = [i for i, h in enumerate(header) if h.startswith("x")]
    X = raw[:, features].astype(dtype)
    y = raw[:, header.index("y")].astype(dtype)
    g = raw[:, header.index("g")].astype(np.int64)
    if not np.all((g == 0) | (g == 1)):
        raise ValueError(f"{path}: column g must be 0 or 1")
    return X, y, g


# ---------------------------------------------------------------- network

def init_params(rng, sizes, dtype):
    """Glorot-uniform kernels (drawn in float64, cast), zero biases."""
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        W = rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(dtype)
        b = np.zeros(fan_out, dtype=dtype)
        params += [W, b]
    return params


def forward(params, X):
    """Returns the predictions f (shape (n,)) and the cache for backward."""
    W1, b1, W2, b2, W3, b3 = params
    z1 = X @ W1 + b1
    h1 = np.maximum(z1, 0)
    z2 = h1 @ W2 + b2
    h2 = np.maximum(z2, 0)
    f = (h2 @ W3 + b3)[:, 0]
    return f, (X, z1, h1, z2, h2)


def backward(params, cache, df):
    """Gradients of the loss w.r.t. every parameter, given dL/df (shape (n,))."""
    W1, b1, W2, b2, W3, b3 = params
    X, z1, h1, z2, h2 = cache
    d3 = df[:, None]                     # (n, 1)
    gW3 = h2.T @ d3
    gb3 = d3.sum(axis=0)
    d2 = (d3 @ W3.T) * (z2 > 0)          # (n, 64)
    gW2 = h1.T @ d2
    gb2 = d2.sum(axis=0)
    d1 = (d2 @ W2.T) * (z1 > 0)          # (n, 64)
    gW1 = X.T @ d1
    gb1 = d1.sum(axis=0)
    return [gW1, gb1, gW2, gb2, gW3, gb3]


# ---------------------------------------------------------------- objective

def loss_and_grad(f, y, g, objective):
    """Batch loss L (a working-dtype scalar) and dL/df (an array like f)."""
    r = f - y
    n = r.shape[0]
    sq = r * r
    S = [sq[g == k].sum() for k in (0, 1)]
    cnt = [int(np.count_nonzero(g == k)) for k in (0, 1)]
    zero = f.dtype.type(0)
    if objective == "gap":
        e = [S[k] / cnt[k] if cnt[k] > 0 else zero for k in (0, 1)]
        diff = e[0] - e[1]
        L = diff * diff
        # dL/dS_0 = 2 (e0 - e1) / n_0, dL/dS_1 = -2 (e0 - e1) / n_1
        dS = [2 * diff / cnt[0] if cnt[0] > 0 else zero,
              -2 * diff / cnt[1] if cnt[1] > 0 else zero]
    elif objective == "mse":
        L = (S[0] + S[1]) / n
        dS = [f.dtype.type(1) / n, f.dtype.type(1) / n]
    else:
        raise ValueError(objective)
    dS_row = np.where(g == 0, dS[0], dS[1]).astype(f.dtype)
    df = 2 * r * dS_row
    return L, df


def loss_only(f, y, g, objective):
    return loss_and_grad(f, y, g, objective)[0]


# ---------------------------------------------------------------- Adam

class Adam:
    """Keras's Adam update, every scalar computed in float64 then cast."""

    def __init__(self, params, dtype):
        self.dtype = np.dtype(dtype).type
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.t = 0
        self.c1 = self.dtype(1.0 - BETA1)
        self.c2 = self.dtype(1.0 - BETA2)
        self.eps = self.dtype(EPSILON)

    def step(self, params, grads):
        self.t += 1
        t = self.t
        alpha = self.dtype(LR * np.sqrt(1.0 - BETA2 ** t) / (1.0 - BETA1 ** t))
        for p, gr, m, v in zip(params, grads, self.m, self.v):
            m += (gr - m) * self.c1
            v += (gr * gr - v) * self.c2
            p -= alpha * m / (np.sqrt(v) + self.eps)


# ---------------------------------------------------------------- evaluation

def val_full(params, X, y, g, objective):
    f, _ = forward(params, X)
    return float(loss_only(f, y, g, objective))


def val_batch_mean(params, X, y, g, objective):
    losses = []
    for start in range(0, X.shape[0], BATCH):
        sl = slice(start, start + BATCH)
        f, _ = forward(params, X[sl])
        losses.append(float(loss_only(f, y[sl], g[sl], objective)))
    return float(np.mean(losses))


def group_report(params, X, y, g):
    f, _ = forward(params, X)
    r = (f - y).astype(np.float64)
    mse = float(np.mean(r * r))
    groups = {int(k): float(np.mean(r[g == k] ** 2)) for k in np.unique(g)}
    gap = max(groups.values()) - min(groups.values())
    return mse, groups, gap


def kernel_sums(params):
    return [float(np.sum(params[i], dtype=np.float64)) for i in range(0, len(params), 2)]


def bias_sums(params):
    return [float(np.sum(params[i], dtype=np.float64)) for i in range(1, len(params), 2)]


# ---------------------------------------------------------------- training

def train(args):
    dtype = np.dtype(args.dtype)
    Xtr, ytr, gtr = load_split(args.data_dir, "train", dtype)
    Xva, yva, gva = load_split(args.data_dir, "val", dtype)
    Xte, yte, gte = load_split(args.data_dir, "test", dtype)
    n_train = Xtr.shape[0]
    sizes = [Xtr.shape[1], HIDDEN, HIDDEN, 1]

    rng = np.random.RandomState(args.seed)
    params = init_params(rng, sizes, dtype)
    fixture = None
    if args.fixture:
        fixture = {"kernel_sums_init": kernel_sums(params),
                   "kernel1_first5_init": [float(v) for v in params[0].ravel()[:5]]}
    opt = Adam(params, dtype)
    val_fn = val_full if args.val_loss == "full" else val_batch_mean
    other_fn = val_batch_mean if args.val_loss == "full" else val_full

    best, best_epoch, wait = np.inf, 0, 0
    best_params = [p.copy() for p in params]
    epoch_seconds = []
    epochs_run = 0
    stop_reason = "max_epochs"
    log = print if not args.quiet else (lambda *a, **k: None)
    log(f"# objective={args.objective} dtype={args.dtype} seed={args.seed} "
        f"val_loss={args.val_loss} patience={args.patience} max_epochs={args.max_epochs} "
        f"restore={'no' if args.no_restore else 'yes'} n_train={n_train}")
    log(f"{'epoch':>5} {'train':>14} {'val(' + args.val_loss + ')':>16} "
        f"{'val(other)':>14} {'sec':>7}")

    for epoch in range(1, args.max_epochs + 1):
        t0 = time.perf_counter()
        order = rng.permutation(n_train)
        batch_losses = []
        for start in range(0, n_train, BATCH):
            idx = order[start:start + BATCH]
            xb, yb, gb = Xtr[idx], ytr[idx], gtr[idx]
            f, cache = forward(params, xb)
            L, df = loss_and_grad(f, yb, gb, args.objective)
            grads = backward(params, cache, df)
            if fixture is not None and opt.t == 0:
                fixture["grad_kernel_sums_step1"] = [float(np.sum(gr, dtype=np.float64)) for gr in grads[0::2]]
                fixture["grad_bias_sums_step1"] = [float(np.sum(gr, dtype=np.float64)) for gr in grads[1::2]]
            opt.step(params, grads)
            batch_losses.append(float(L))
        train_loss = float(np.mean(batch_losses))
        val = val_fn(params, Xva, yva, gva, args.objective)
        seconds = time.perf_counter() - t0
        epoch_seconds.append(seconds)
        epochs_run = epoch
        other = other_fn(params, Xva, yva, gva, args.objective)

        if fixture is not None and epoch == 1:
            fixture.update({
                "permutation_epoch1_first10": [int(i) for i in order[:10]],
                "batch_losses_epoch1": batch_losses,
                "train_loss_epoch1": train_loss,
                "val_loss_full_epoch1": val_full(params, Xva, yva, gva, args.objective),
                "val_loss_batch_mean_epoch1": val_batch_mean(params, Xva, yva, gva, args.objective),
                "kernel_sums_epoch1": kernel_sums(params),
                "bias_sums_epoch1": bias_sums(params),
            })

        if not np.isfinite(train_loss) or not np.isfinite(val):
            log(f"{epoch:5d} {train_loss:14.6g} {val:16.6g} {other:14.6g} {seconds:7.3f}")
            stop_reason = "non-finite loss"
            break
        improved = val < best
        if improved:
            best, best_epoch, wait = val, epoch, 0
            best_params = [p.copy() for p in params]
        else:
            wait += 1
        log(f"{epoch:5d} {train_loss:14.6g} {val:16.6g} {other:14.6g} {seconds:7.3f}"
            + (" *" if improved else ""))
        if wait >= args.patience:
            stop_reason = "early stopping"
            break

    if not args.no_restore or stop_reason == "non-finite loss":
        params = best_params
        reported = f"best epoch {best_epoch}"
    else:
        reported = f"last epoch {epochs_run}"
    mse, groups, gap = group_report(params, Xte, yte, gte)
    summary = {
        "objective": args.objective, "dtype": args.dtype, "seed": args.seed,
        "val_loss": args.val_loss, "stop": stop_reason, "epochs_run": epochs_run,
        "best_epoch": best_epoch, "best_val": float(best), "weights": reported,
        "test_mse": mse, "test_group_mse": groups, "test_gap": gap,
        "median_seconds_per_epoch": float(np.median(epoch_seconds)),
    }
    print(f"summary: objective={args.objective} dtype={args.dtype} seed={args.seed} "
          f"val_loss={args.val_loss} stop={stop_reason} epochs_run={epochs_run} "
          f"best_epoch={best_epoch} best_val={best:.6g} weights=({reported}) "
          f"test_mse={mse:.6g} group_mse={{0: {groups.get(0, float('nan')):.6g}, "
          f"1: {groups.get(1, float('nan')):.6g}}} gap={gap:.6g} "
          f"median_s_per_epoch={summary['median_seconds_per_epoch']:.4f}")
    if args.json_summary:
        print("json: " + json.dumps(summary))

    if fixture is not None:
        write_fixture(args, fixture)
    return summary


def write_fixture(args, fixture):
    out = os.path.abspath(args.fixture)
    cmd = "python3 tools/reference/recipe_numpy.py " + " ".join(args.argv)
    doc = {
        "about": ("fairreg recipe reference (tools/reference/recipe_numpy.py, plain numpy "
                  f"{np.__version__}, Python {platform.python_version()}), made from the repo "
                  f"root with: {cmd} . Data: core/src/test/resources/seed (the recipe's seed data). "
                  "One RandomState(seed) for Glorot init (float64 draws, cast) then per-epoch "
                  "permutations; batches of 64; Keras Adam (lr 1e-3, b1 0.9, b2 0.999, eps 1e-7, "
                  "scalars computed in float64 then cast to the working dtype). Sums are float64 sums "
                  "of the working-dtype arrays; layer order input to output. Values of the first "
                  "epoch only; batch_losses_epoch1[i] is L of step i+1 before its update; val_loss_* "
                  "and *_epoch1 sums are after the 125th update. grad_*_step1 are the gradients of the "
                  "first batch at the initial weights."),
        "command": cmd,
        "objective": args.objective,
        "dtype": args.dtype,
        "seed": args.seed,
        "batch_size": BATCH,
        "adam": {"learning_rate": LR, "beta1": BETA1, "beta2": BETA2, "epsilon": EPSILON},
    }
    doc.update(fixture)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    os.replace(tmp, out)
    print(f"fixture written: {out}")


# ---------------------------------------------------------------- self-check

def self_check(args):
    """Central finite differences in float64 against the hand-written gradients,
    for both objectives, on tiny batches (both groups present; one group absent)."""
    rng = np.random.RandomState(123)
    dtype = np.float64
    params = init_params(rng, [10, HIDDEN, HIDDEN, 1], dtype)
    for p in params[1::2]:
        p[:] = rng.uniform(-0.1, 0.1, size=p.shape)   # non-zero biases too
    X = rng.standard_normal((7, 10))
    y = rng.standard_normal(7) * 2.0
    cases = {"both groups": np.array([0, 1, 1, 0, 1, 0, 0]),
             "group 1 absent": np.zeros(7, dtype=np.int64)}
    h = 1e-6
    worst = 0.0
    ok = True
    for objective in ("gap", "mse"):
        for label, g in cases.items():
            f, cache = forward(params, X)
            _, df = loss_and_grad(f, y, g, objective)
            grads = backward(params, cache, df)
            # relative error, with a floor of 1e-4 x the largest gradient entry so that
            # entries that are nearly zero are judged by the finite-difference roundoff
            floor = 1e-4 * max(float(np.max(np.abs(gr))) for gr in grads)
            max_rel = 0.0
            for p, gr in zip(params, grads):
                flat, gflat = p.reshape(-1), gr.reshape(-1)
                for j in range(flat.size):
                    keep = flat[j]
                    flat[j] = keep + h
                    lp = loss_only(forward(params, X)[0], y, g, objective)
                    flat[j] = keep - h
                    lm = loss_only(forward(params, X)[0], y, g, objective)
                    flat[j] = keep
                    num = (lp - lm) / (2 * h)
                    rel = abs(num - gflat[j]) / max(floor, abs(num) + abs(gflat[j]))
                    max_rel = max(max_rel, rel)
            worst = max(worst, max_rel)
            verdict = "ok" if max_rel < 1e-5 else "FAIL"
            ok &= max_rel < 1e-5
            print(f"self-check {objective:3s} {label:15s}: max relative error {max_rel:.2e} {verdict}")
    # Adam against a closed form after one step: p1 = p0 - lr * g / (|g| + eps/(...)).
    p = np.array([1.0, -2.0]); gr = np.array([0.5, -3.0])
    opt = Adam([p], np.float64); opt.step([p], [gr])
    m = 0.1 * gr; v = 0.001 * gr * gr
    alpha = LR * np.sqrt(0.001) / 0.1
    expect = np.array([1.0, -2.0]) - alpha * m / (np.sqrt(v) + EPSILON)
    adam_err = float(np.max(np.abs(p - expect)))
    ok &= adam_err < 1e-15
    print(f"self-check adam step 1: max abs error {adam_err:.1e} {'ok' if adam_err < 1e-15 else 'FAIL'}")
    print("self-check " + ("passed" if ok else "FAILED"))
    return ok


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", default=DEFAULT_DATA,
                    help="folder with train/val/test.csv or .csv.gz (default: <repo>/core/src/test/resources/seed)")
    ap.add_argument("--objective", choices=["gap", "mse"], default="gap")
    ap.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--max-epochs", type=int, default=500)
    ap.add_argument("--patience", type=int, default=10)
    ap.add_argument("--val-loss", choices=["full", "batch-mean"], default="batch-mean",
                    help="validation figure early stopping watches (default: the recipe's batch-mean)")
    ap.add_argument("--no-restore", action="store_true",
                    help="report the last epoch's weights instead of the best epoch's "
                         "(fixed N epochs: --max-epochs N --patience N --no-restore)")
    ap.add_argument("--fixture", metavar="OUT.json",
                    help="write the first-epoch reference values for the Java tests")
    ap.add_argument("--json-summary", action="store_true", help="also print the summary as JSON")
    ap.add_argument("--quiet", action="store_true", help="no per-epoch lines")
    ap.add_argument("--self-check", action="store_true",
                    help="check the gradients by finite differences (float64) and exit")
    if argv is None:
        argv = sys.argv[1:]
    args = ap.parse_args(argv)
    args.argv = list(argv)
    if args.self_check:
        return 0 if self_check(args) else 1
    train(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
