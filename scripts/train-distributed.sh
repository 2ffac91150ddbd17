#!/usr/bin/env bash
# Data-parallel training on several machines, by torchrun's conventions. Run it on every machine with the same
# arguments; only NODE_RANK differs. Node 0 runs rank 0, which hosts the rendezvous (MASTER_ADDR:MASTER_PORT) and
# alone validates, logs and writes checkpoints (to its --output); every rank draws its own share of each batch.
#
#   on node 0 (say 10.0.0.1):
#     NODE_RANK=0 MASTER_ADDR=10.0.0.1 scripts/train-distributed.sh --config configs/lite.json --output runs/lite-2x
#   on node 1:
#     NODE_RANK=1 MASTER_ADDR=10.0.0.1 scripts/train-distributed.sh --config configs/lite.json --output runs/lite-2x
#
# Any other `train` option goes after the script's name (--batch-size is per process: two machines of one process
# each at --batch-size 16 train on 32 images a step). To continue after a stop, run the same commands with --resume:
# rank 0 reads last.pt and sends it to the others, so only node 0 needs it.
#
# Variables:
#   NODE_RANK          this machine's number, 0 .. NNODES - 1 (required)
#   MASTER_ADDR        node 0's host name or address, reachable from every node (required)
#   MASTER_PORT        the rendezvous port on node 0, open to the others (default 29500); gloo's own connections
#                      between the ranks use further ports the system picks, so the machines must reach each other
#   NNODES             machines taking part (default 2)
#   NPROC_PER_NODE     worker processes per machine (default 1: one process using all the machine's cores)
#   GLOO_SOCKET_IFNAME the network interface gloo binds to (e.g. eth0) when the host name resolves to another one
# Every machine needs the repository built (scripts/setup.sh installs what it takes, MNIST included) and the same
# config. The transport is gloo over TCP (Debian's libtorch is CPU-only; NCCL would need a CUDA build of libtorch).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${NODE_RANK:?set NODE_RANK to this machine's number (0 on the machine that runs rank 0)}"
: "${MASTER_ADDR:?set MASTER_ADDR to node 0's host name or address}"
export MASTER_ADDR
export MASTER_PORT="${MASTER_PORT:-29500}"

dotnet build -c Release src/DigitOcr.Training.Cli >/dev/null
exec src/DigitOcr.Training.Cli/bin/Release/net10.0/DigitOcr.Training.Cli train "$@" \
  --nproc-per-node "${NPROC_PER_NODE:-1}" --nnodes "${NNODES:-2}" --node-rank "$NODE_RANK"
