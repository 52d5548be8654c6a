"""The only place that asks torch which accelerators exist."""

from __future__ import annotations

import logging

import torch

from translate.errors import UsageError

logger = logging.getLogger(__name__)

_DTYPES = {"fp32": torch.float32, "fp16": torch.float16, "bf16": torch.bfloat16}


def resolve_device(name: str = "auto") -> torch.device:
    """Turns ``auto|cpu|cuda|cuda:N|mps`` into a device that exists on this machine."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(name)
    except RuntimeError as exc:
        raise UsageError(f"unknown device {name!r}: use auto, cpu, cuda, cuda:N or mps") from exc
    if device.type == "cuda" and not torch.cuda.is_available():
        raise UsageError(f"device {name!r} requested but this torch build sees no CUDA GPU")
    if device.type == "mps" and not torch.backends.mps.is_available():
        raise UsageError("device 'mps' requested but Metal is not available")
    return device


def resolve_dtype(device: torch.device, name: str = "auto") -> torch.dtype:
    """Half precision on GPUs, fp32 on CPU (CPU half-precision matmuls are slower, not faster)."""
    if name == "auto":
        return torch.float16 if device.type in ("cuda", "mps") else torch.float32
    if name not in _DTYPES:
        raise UsageError(f"unknown dtype {name!r}: use auto, fp32, fp16 or bf16")
    return _DTYPES[name]


def dtype_name(dtype: torch.dtype) -> str:
    return {v: k for k, v in _DTYPES.items()}[dtype]


def configure_backends(device: torch.device) -> None:
    """Attention-backend policy for ``device``.

    On CUDA the cuDNN SDPA backend builds a new execution plan for every input shape; with
    variable-length batches that was measured 4-10x slower on an H200, so it is disabled.
    """
    if device.type == "cuda":
        torch.backends.cuda.enable_cudnn_sdp(False)
        torch.backends.cuda.matmul.allow_tf32 = True
        logger.debug("cuDNN SDPA disabled; TF32 matmuls allowed")
