import pytest
import torch

from translate.errors import UsageError
from translate.models.devices import configure_backends, resolve_device, resolve_dtype


def test_auto_prefers_cuda_with_half_precision(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    device = resolve_device("auto")
    assert device.type == "cuda"
    assert resolve_dtype(device) == torch.float16
    assert resolve_dtype(device, "bf16") == torch.bfloat16


def test_auto_falls_back_to_cpu_fp32(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    device = resolve_device("auto")
    assert device.type == "cpu"
    assert resolve_dtype(device) == torch.float32


def test_cuda_disables_cudnn_attention(monkeypatch):
    calls = []
    monkeypatch.setattr(torch.backends.cuda, "enable_cudnn_sdp", calls.append)
    configure_backends(torch.device("cuda"))
    assert calls == [False]
    configure_backends(torch.device("cpu"))
    assert calls == [False]


def test_bad_device_and_dtype(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(UsageError, match="no CUDA GPU"):
        resolve_device("cuda")
    with pytest.raises(UsageError, match="unknown device"):
        resolve_device("tpu9")
    with pytest.raises(UsageError, match="unknown dtype"):
        resolve_dtype(torch.device("cpu"), "fp8")
