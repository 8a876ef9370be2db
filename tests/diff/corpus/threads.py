# Python threads that each write their own file.  They run one at a time
# (start, then join) so that the futex traffic of the thread hand-over is
# the same in every run; concurrency is covered by test_programs/threads16.
import threading


def work(i):
    with open('thread-%d.txt' % i, 'w') as f:
        f.write('thread %d\n' % i * 4)


for i in range(3):
    t = threading.Thread(target=work, args=(i,))
    t.start()
    t.join()
print(sorted(open('thread-%d.txt' % i).read() for i in range(3))[0].strip())
