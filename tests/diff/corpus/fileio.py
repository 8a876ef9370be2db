# File I/O through Python's io layer: create, append, seek, read back,
# rename and remove, all inside the current (work) directory.
import os

with open('py-data.txt', 'w') as f:
    for i in range(20):
        f.write('line %d\n' % i)
with open('py-data.txt', 'a') as f:
    f.write('appended\n')
with open('py-data.txt', 'rb') as f:
    f.seek(10)
    head = f.read(16)
    f.seek(-9, os.SEEK_END)
    tail = f.read()
fd = os.open('py-raw.bin', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
os.write(fd, bytes(range(64)))
os.close(fd)
os.rename('py-raw.bin', 'py-moved.bin')
print(len(head), tail, os.stat('py-moved.bin').st_size)
os.unlink('py-moved.bin')
