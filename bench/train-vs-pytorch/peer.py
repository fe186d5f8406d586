"""The Python side of bench/train-vs-pytorch: the same networks, loss, optimiser, data, batch size, epochs and
thread count as Latent Lab's DJL trainer (org.latentlab.ml.Networks / ModelTrainer), in plain PyTorch.

Usage: peer.py conv-ae|vae <data.bin.gz> <epochs> <batch size> <threads>
Prints one line: python kind=... seconds=... final_train_loss=... final_validation_loss=...
"""
import gzip
import struct
import sys
import time

import numpy as np
import torch
from torch import nn

kind, data_file, epochs, batch_size, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
torch.manual_seed(42)


def load(path):
    raw = gzip.decompress(open(path, "rb").read())
    assert raw[:4] == b"LLDS" and raw[4] == 1
    count, rows, cols = struct.unpack(">IHH", raw[5:13])
    offset = 14 + count
    pixels = np.frombuffer(raw, dtype=np.uint8, count=count * rows * cols, offset=offset)
    return torch.from_numpy(pixels.astype(np.float32) / 255.0).reshape(count, 1, rows, cols)


images = load(data_file)
order = torch.from_numpy(np.random.default_rng(20261123).permutation(len(images)))
train, validation, test = images[order[:8000]], images[order[8000:9000]], images[order[9000:]]


class ConvAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, padding=1))
        self.decoder = nn.Sequential(
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2, mode="nearest"),
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2, mode="nearest"),
            nn.Conv2d(8, 16, 3), nn.ReLU(), nn.Upsample(scale_factor=2, mode="nearest"),
            nn.Conv2d(16, 1, 3, padding=1), nn.Sigmoid())

    def forward(self, x):
        return (self.decoder(self.encoder(x)),)


class Vae(nn.Module):
    def __init__(self, latent=2, hidden=256):
        super().__init__()
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, hidden), nn.ReLU())
        self.mean = nn.Linear(hidden, latent)
        self.log_variance = nn.Linear(hidden, latent)
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(), nn.Linear(hidden, 784), nn.Sigmoid())

    def forward(self, x):
        h = self.encoder(x)
        mean, log_variance = self.mean(h), self.log_variance(h)
        z = mean + torch.exp(0.5 * log_variance) * torch.randn_like(mean) if self.training else mean
        return self.decoder(z).reshape(-1, 1, 28, 28), mean, log_variance


def loss_of(output, clean):
    if kind == "conv-ae":
        return ((output[0] - clean) ** 2).mean()
    reconstruction, mean, log_variance = output
    r = reconstruction.reshape(len(clean), -1).clamp(1e-7, 1 - 1e-7)
    t = clean.reshape(len(clean), -1)
    bce = -(t * torch.log(r) + (1 - t) * torch.log(1 - r)).sum(dim=1)
    kl = -0.5 * (1 + log_variance - mean ** 2 - torch.exp(log_variance)).sum(dim=1)
    return bce.mean() + kl.mean()


def evaluate(model, data):
    model.eval()
    total = 0.0
    with torch.no_grad():
        for start in range(0, len(data), 500):
            batch = data[start:start + 500]
            total += loss_of(model(batch), batch).item() * len(batch)
    model.train()
    return total / len(data)


def djl_initialisation(module):
    # DJL's default: Xavier uniform weights with magnitude 6 over the average fan, i.e. U(+-sqrt(12 / (fan_in +
    # fan_out))) = Glorot uniform with gain sqrt(2); zero biases. PyTorch's own default leaves this small conv
    # autoencoder stuck at a constant image, which would make neither the losses nor the times comparable.
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        nn.init.xavier_uniform_(module.weight, gain=2 ** 0.5)
        nn.init.zeros_(module.bias)


def run(train_images, epoch_count):
    model = ConvAE() if kind == "conv-ae" else Vae()
    model.apply(djl_initialisation)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(42)
    train_loss = validation_loss = float("nan")
    for _ in range(epoch_count):
        permutation = torch.randperm(len(train_images), generator=generator)
        total = 0.0
        for start in range(0, len(train_images), batch_size):
            batch = train_images[permutation[start:start + batch_size]]
            optimiser.zero_grad()
            loss = loss_of(model(batch), batch)
            loss.backward()
            optimiser.step()
            total += loss.item() * len(batch)
        train_loss = total / len(train_images)
        validation_loss = evaluate(model, validation)
    evaluate(model, test)
    return train_loss, validation_loss


run(train[:512], 1)  # warm-up, as the DJL side does
start = time.perf_counter()
final_train, final_validation = run(train, epochs)
seconds = time.perf_counter() - start
print(f"python kind={kind} epochs={epochs} batch={batch_size} threads={threads} torch={torch.__version__} "
      f"seconds={seconds:.2f} final_train_loss={final_train:.5f} final_validation_loss={final_validation:.5f}")
